import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
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
  const { pending, error, setError, run } = useSubmission();
  const totpField = useRef<HTMLInputElement>(null);

  // When the code field appears, the next thing to type is the code.
  useEffect(() => {
    if (totpPrompt !== null) totpField.current?.focus();
  }, [totpPrompt]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedIn') return <Navigate to={safeNext(searchParams.get('next'))} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(
      () => login({ email, password, ...(totpPrompt === null ? {} : { totp }) }),
      (failure) => {
        if (failure instanceof ApiError && failure.code === 'totp_required') {
          setTotpPrompt(failure.message);
        } else {
          setError(failure);
          if (failure instanceof ApiError && failure.code === 'totp_invalid') {
            setTotp('');
            totpField.current?.focus();
          }
        }
      },
    );
  }

  return (
    <div className="narrow-page">
      <PageHeading>{t('login.title')}</PageHeading>
      <p className="lead">{t('login.intro')}</p>
      <form className="form card" onSubmit={(event) => void submit(event)}>
        <Field id="login-email" label={t('login.email')}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              dir="ltr"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field id="login-password" label={t('login.password')}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              dir="ltr"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <StatusMessage message={totpPrompt} />
        {totpPrompt !== null ? (
          <Field id="login-totp" label={t('login.totp')} hint={t('login.totpHint')}>
            {(control) => (
              <input
                {...control}
                ref={totpField}
                name="totp"
                className="input--code"
                dir="ltr"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                value={totp}
                onChange={(event) => setTotp(event.target.value.replace(/\D/g, ''))}
              />
            )}
          </Field>
        ) : null}
        <ErrorAlert error={error} />
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
