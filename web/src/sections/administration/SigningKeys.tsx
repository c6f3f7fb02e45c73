import { useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { useSubmission } from '../../forms/useSubmission';
import { useFormats, useLanguage } from '../../i18n/formats';
import { isolate } from '../../i18n/languages';
import { useAgencies } from '../../session/agencies';
import { useSession, useSignedInUser } from '../../session/SessionContext';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { DataTable } from '../../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../../shell/ErrorAlert';
import { Loading } from '../../shell/Loading';
import { grantChoices } from './grantChoices';

interface SigningKey {
  kid: string;
  agencyCode: string;
  status: 'active' | 'retired';
  createdAt: string;
  retiredAt: string | null;
}

const keysPath = '/api/admin/signing-keys';

/**
 * The Ed25519 keys each agency signs its documents with (published at /.well-known/jwks.json).
 * Rotating retires the active key, which stays published: every document signed with it still
 * verifies, online and offline; only new documents use the new key.
 */
export default function SigningKeys() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const user = useSignedInUser();
  const agencies = useAgencies();
  // The agencies this administrator administers: all of them for a national grant (keys.manage).
  const rotatable = useMemo(() => grantChoices(user, agencies).agencies, [user, agencies]);
  const keys = useApiResource<{ items: SigningKey[] }>(keysPath);
  const [agencyCode, setAgencyCode] = useState('');
  const [confirming, setConfirming] = useState<Agency | null>(null);
  const [done, setDone] = useState<Agency | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const chosen = agencyCode || (rotatable.length === 1 ? (rotatable[0]?.code ?? '') : '');

  function ask(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setConfirming(rotatable.find((agency) => agency.code === chosen) ?? null);
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('signingKeys.title')}
      </h2>
      <p>{t('signingKeys.intro')}</p>
      <StatusMessage message={done ? t('signingKeys.rotated', { agency: isolate(done.names[language]) }) : null} tone="success" />
      <ErrorAlert error={keys.error} />
      {keys.data ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('signingKeys.caption')}
          columns={[t('signingKeys.columns.kid'), t('signingKeys.columns.agency'), t('signingKeys.columns.status'), t('signingKeys.columns.created'), t('signingKeys.columns.retired')]}
          rowCount={keys.data.items.length}
          emptyMessage={t('signingKeys.none')}
          dense
        >
          {keys.data.items.map((key) => (
            <tr key={key.kid}>
              <th scope="row" className="identifier" dir="ltr">
                {key.kid}
              </th>
              <td>{agencies.find((agency) => agency.code === key.agencyCode)?.names[language] ?? key.agencyCode}</td>
              <td>
                <span className={key.status === 'active' ? 'status status--on' : 'status status--off'}>{t(`signingKeys.status.${key.status}`)}</span>
              </td>
              <td>
                <time dateTime={key.createdAt}>{formats.date(key.createdAt)}</time>
              </td>
              <td>{key.retiredAt ? <time dateTime={key.retiredAt}>{formats.date(key.retiredAt)}</time> : '—'}</td>
            </tr>
          ))}
        </DataTable>
      ) : keys.error ? null : (
        <Loading />
      )}
      {rotatable.length > 0 ? (
        <form className="form card" onSubmit={ask} aria-labelledby={`${ids}-rotate`}>
          <h3 id={`${ids}-rotate`}>{t('signingKeys.rotateTitle')}</h3>
          <div className="field">
            <label htmlFor={`${ids}-agency`}>{t('signingKeys.agency')}</label>
            <select id={`${ids}-agency`} required value={chosen} onChange={(event) => setAgencyCode(event.target.value)}>
              <option value="">{t('signingKeys.chooseAgency')}</option>
              {rotatable.map((agency) => (
                <option key={agency.code} value={agency.code}>
                  {agency.names[language]}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('signingKeys.rotate')}
            </button>
          </div>
        </form>
      ) : null}
      {confirming ? (
        <RotateDialog
          agency={confirming}
          fallbackFocus={heading}
          onCancel={() => setConfirming(null)}
          onRotated={async () => {
            setConfirming(null);
            setDone(confirming);
            await keys.reload();
          }}
        />
      ) : null}
    </section>
  );
}

interface RotateDialogProps {
  agency: Agency;
  fallbackFocus: RefObject<HTMLElement | null>;
  onCancel(): void;
  onRotated(): Promise<void>;
}

function RotateDialog({ agency, fallbackFocus, onCancel, onRotated }: RotateDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const { pending, error, run } = useSubmission();
  const name = isolate(agency.names[language]);
  return (
    <ConfirmDialog
      title={t('signingKeys.confirmTitle', { agency: name })}
      confirmLabel={t('signingKeys.rotate')}
      pending={pending}
      error={error}
      fallbackFocus={fallbackFocus}
      onCancel={onCancel}
      onConfirm={() =>
        void run(async () => {
          await request(`${keysPath}/rotate`, { method: 'POST', body: { agencyCode: agency.code } });
          await onRotated();
        })
      }
    >
      <p>{t('signingKeys.confirmBody', { agency: name })}</p>
    </ConfirmDialog>
  );
}
