import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpSetup } from '../api/types';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { PageHeading } from '../shell/PageHeading';

/** Groups of four make a base32 secret readable aloud and easy to type (RFC 4648 §6 alphabet). */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** TOTP enrolment (RFC 6238): the server draws the secret, the user proves their app has it. */
export default function AccountSecurityPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { request, refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmed, setConfirmed] = useState(false);

  async function start() {
    setPending(true);
    setError(null);
    try {
      setSetup(await request<TotpSetup>('/api/me/totp/setup', { method: 'POST' }));
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await request<void>('/api/me/totp/confirm', { method: 'POST', body: { code } });
      setConfirmed(true);
      setSetup(null);
      await refresh();
    } catch (failure) {
      setError(failure);
      setCode('');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="stack narrow-page">
      <PageHeading>{t('security.title')}</PageHeading>
      <p className="lead">{t('security.intro')}</p>
      <StatusMessage tone="success" message={confirmed ? t('security.success') : null} />

      {user.totpEnabled && !confirmed ? <p className="alert alert--success">{t('security.enabled')}</p> : null}

      {!user.totpEnabled && setup === null ? (
        <p>
          <button type="button" className="button" disabled={pending} onClick={() => void start()}>
            {pending ? t('security.starting') : t('security.start')}
          </button>
        </p>
      ) : null}

      {setup !== null ? (
        <form className="form card" onSubmit={(event) => void confirm(event)}>
          <p>{t('security.instructions')}</p>
          <dl className="secret">
            <dt>{t('security.secret')}</dt>
            <dd>
              <code dir="ltr" className="secret__value">
                {groupedSecret(setup.secret)}
              </code>
            </dd>
            <dt>{t('security.otpauthUrl')}</dt>
            <dd>
              <code dir="ltr" className="secret__url">
                {setup.otpauthUrl}
              </code>
            </dd>
          </dl>
          <div className="field">
            <label htmlFor="totp-code">{t('security.code')}</label>
            <input
              id="totp-code"
              name="code"
              className="input--code"
              dir="ltr"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
            />
          </div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? t('security.confirming') : t('security.confirm')}
          </button>
        </form>
      ) : null}

      <ErrorAlert error={error} />
    </div>
  );
}
