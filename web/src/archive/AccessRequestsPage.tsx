import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { Field } from '../forms/Field';
import { fieldMessages } from '../forms/fieldMessages';
import { useSubmission } from '../forms/useSubmission';
import { useFormats } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { archiveApi } from './console';
import { PackageHeaderCell } from './TableCells';
import type { AccessRequest } from './types';

/** How long a grant lasts unless the archivist says otherwise, and at most (search/requests.ts). */
const DEFAULT_GRANT_DAYS = 30;
const MAX_GRANT_DAYS = 365;

/**
 * Requests to read restricted records of the archivist's agencies, oldest first: each granted for a
 * number of days or refused, with a note the requester reads.
 */
export function AccessRequestsPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const pending = useApiResource<{ items: AccessRequest[] }>(archiveApi.accessRequests);
  const [deciding, setDeciding] = useState<AccessRequest | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const ids = useId();
  const items = pending.data?.items;

  async function decided(message: string) {
    setDeciding(null);
    setAnnouncement(message);
    await pending.reload();
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('archive.requests.title')}</h2>
      <p>{t('archive.requests.intro')}</p>
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={pending.error} />
      {items ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('archive.requests.caption', { count: formats.number(items.length) })}
          columns={[t('archive.columns.identifier'), t('archive.columns.title'), t('archive.columns.applicant'), t('archive.columns.reason'), t('archive.columns.askedOn'), t('common.actions')]}
          rowCount={items.length}
          emptyMessage={t('archive.requests.none')}
        >
          {items.map((item) => (
            <tr key={item.id}>
              <PackageHeaderCell identifier={item.package} />
              <td dir="auto">{item.title}</td>
              <td>
                <bdi>{item.applicant}</bdi>
              </td>
              <td dir="auto">{item.reason}</td>
              <td>
                <time dateTime={item.createdAt}>{formats.dateTime(item.createdAt)}</time>
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-expanded={deciding?.id === item.id}
                  aria-controls={`${ids}-decision`}
                  aria-label={t('archive.requests.decideNamed', { applicant: item.applicant, identifier: item.package })}
                  onClick={() => setDeciding((current) => (current?.id === item.id ? null : item))}
                >
                  {t('archive.requests.decide')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : pending.loading ? (
        <Loading />
      ) : null}
      <div id={`${ids}-decision`}>{deciding ? <DecisionForm key={deciding.id} item={deciding} onDecided={decided} /> : null}</div>
    </section>
  );
}

function DecisionForm({ item, onDecided }: { item: AccessRequest; onDecided(message: string): Promise<void> }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [note, setNote] = useState('');
  const [days, setDays] = useState(String(DEFAULT_GRANT_DAYS));
  const { pending, error, run } = useSubmission();
  const ids = useId();
  const messages = fieldMessages(error, 'body');

  function decide(grant: boolean) {
    const form = document.getElementById(`${ids}-form`) as HTMLFormElement | null;
    if (form && !form.reportValidity()) return;
    void run(async () => {
      const decided = await request<AccessRequest>(archiveApi.accessDecision(item.id), {
        method: 'POST',
        body: grant ? { grant, note: note.trim(), days: Number(days) } : { grant, note: note.trim() },
      });
      const who = isolate(item.applicant);
      await onDecided(decided.state === 'granted' ? t('archive.requests.granted', { applicant: who, days }) : t('archive.requests.refused', { applicant: who }));
    });
  }

  return (
    <form id={`${ids}-form`} className="form card" aria-labelledby={`${ids}-title`} onSubmit={(event) => event.preventDefault()}>
      <h3 id={`${ids}-title`}>{t('archive.requests.decisionTitle', { applicant: isolate(item.applicant), identifier: isolate(item.package) })}</h3>
      <p>
        <q dir="auto">{item.reason}</q>
      </p>
      <div className="filters">
        <Field id={`${ids}-note`} label={t('archive.requests.note')} hint={t('archive.requests.noteHint')} error={messages.get('note')}>
          {(control) => <textarea {...control} name="note" dir="auto" rows={2} required maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
        <Field id={`${ids}-days`} label={t('archive.requests.days')} error={messages.get('days')}>
          {(control) => (
            <input {...control} type="number" name="days" inputMode="numeric" min={1} max={MAX_GRANT_DAYS} step={1} required value={days} onChange={(event) => setDays(event.target.value)} />
          )}
        </Field>
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="button" className="button" disabled={pending} onClick={() => decide(true)}>
          {t('archive.requests.grant')}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={() => decide(false)}>
          {t('archive.requests.refuse')}
        </button>
      </div>
    </form>
  );
}
