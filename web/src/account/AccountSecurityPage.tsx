import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpSetup } from '../api/types';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
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
  const { pending, error, setError, run } = useSubmission();
  const [confirmed, setConfirmed] = useState(false);

  async function start() {
    await run(async () => {
      setSetup(await request<TotpSetup>('/api/me/totp/setup', { method: 'POST' }));
    });
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(
      async () => {
        await request<void>('/api/me/totp/confirm', { method: 'POST', body: { code } });
        setConfirmed(true);
        setSetup(null);
        await refresh();
      },
      (failure) => {
        setError(failure);
        setCode('');
      },
    );
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
          <Field id="totp-code" label={t('security.code')}>
            {(control) => (
              <input
                {...control}
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
            )}
          </Field>
          <button type="submit" className="button" disabled={pending}>
            {pending ? t('security.confirming') : t('security.confirm')}
          </button>
        </form>
      ) : null}

      <ErrorAlert error={error} />
    </div>
  );
}
