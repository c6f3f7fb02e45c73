import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';

/** Only paths of this application, never `//elsewhere.example` (open-redirect guard). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  // The server asks for the second factor only once the password is right.
  const [totpPrompt, setTotpPrompt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const totpField = useRef<HTMLInputElement>(null);

  // When the code field appears, the next thing to type is the code.
  useEffect(() => {
    if (totpPrompt !== null) totpField.current?.focus();
  }, [totpPrompt]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedIn') return <Navigate to={safeNext(searchParams.get('next'))} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await login({ email, password, ...(totpPrompt === null ? {} : { totp }) });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'totp_required') {
        setTotpPrompt(failure.message);
      } else {
        setError(failure);
        if (failure instanceof ApiError && failure.code === 'totp_invalid') {
          setTotp('');
          totpField.current?.focus();
        }
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="narrow-page">
      <PageHeading>{t('login.title')}</PageHeading>
      <p className="lead">{t('login.intro')}</p>
      <form className="form card" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="login-email">{t('login.email')}</label>
          <input
            id="login-email"
            name="email"
            type="email"
            dir="ltr"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            dir="ltr"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <StatusMessage message={totpPrompt} />
        {totpPrompt !== null ? (
          <div className="field">
            <label htmlFor="login-totp">{t('login.totp')}</label>
            <p id="login-totp-hint" className="field__hint">
              {t('login.totpHint')}
            </p>
            <input
              ref={totpField}
              id="login-totp"
              name="totp"
              className="input--code"
              dir="ltr"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              aria-describedby="login-totp-hint"
              value={totp}
              onChange={(event) => setTotp(event.target.value.replace(/\D/g, ''))}
            />
          </div>
        ) : null}
        <ErrorAlert error={error} />
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
