import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiResource } from '../api/useApiResource';
import { Field } from '../forms/Field';
import { useFormats } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { archiveApi, archivePaths, identifiersIn } from './console';
import { useArchiveNames } from './names';
import { ReasonForm } from './ReasonForm';
import type { AccessRequest } from './types';

/** The server's lower bound on an access request's reason (search/http-schema.ts). */
const REQUEST_REASON_MIN = 10;

interface AccessRequestFormProps {
  /** The record asked for; without it, the reader types its identifier. */
  identifier?: string;
  onRequested(): Promise<void>;
}

/**
 * A signed-in reader asks to read a restricted record, saying why; the producing agency's archivist
 * decides. Public records need no request, confidential ones take none (the server says so).
 */
export function AccessRequestForm({ identifier, onRequested }: AccessRequestFormProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [typed, setTyped] = useState('');
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const ids = useId();

  async function ask(reason: string) {
    const target = identifier ?? identifiersIn(typed)[0] ?? '';
    const asked = await request<AccessRequest>(archiveApi.requestAccess(target), { method: 'POST', body: { reason } });
    setTyped('');
    setAnnouncement(t('archive.requests.sent', { identifier: isolate(asked.package) }));
    await onRequested();
  }

  return (
    <>
      <StatusMessage tone="success" message={announcement} />
      <ReasonForm
        title={t('archive.requests.askTitle')}
        reasonLabel={t('archive.requests.askReason')}
        reasonHint={t('archive.reasonHint', { min: REQUEST_REASON_MIN })}
        minLength={REQUEST_REASON_MIN}
        submitLabel={t('archive.requests.ask')}
        level={identifier ? 3 : 2}
        onSubmit={ask}
      >
        {identifier ? null : (
          <Field id={`${ids}-identifier`} label={t('archive.requests.identifier')} hint={t('archive.requests.identifierHint')}>
            {(control) => <input {...control} name="identifier" dir="ltr" required spellCheck={false} autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />}
          </Field>
        )}
      </ReasonForm>
    </>
  );
}

/** The reader's own requests and what was decided: pending, granted until a day, or refused with the archivist's note. */
export function MyAccessRequests({ resource, only }: { resource: ApiResource<{ items: AccessRequest[] }>; only?: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  const ids = useId();
  const items = resource.data?.items.filter((item) => only === undefined || item.package === only);
  if (!items) return <ErrorAlert error={resource.error} />;
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('archive.requests.mine')}</h2>
      <ErrorAlert error={resource.error} />
      <DataTable
        captionId={`${ids}-caption`}
        caption={t('archive.requests.mineCaption')}
        columns={[t('archive.columns.identifier'), t('archive.columns.title'), t('archive.columns.askedOn'), t('archive.columns.state'), t('archive.requests.answer')]}
        rowCount={items.length}
        emptyMessage={t('archive.requests.noneMine')}
        dense
      >
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row">
              <Link to={archivePaths.record(item.package)} className="identifier" dir="ltr">
                {item.package}
              </Link>
            </th>
            <td dir="auto">{item.title}</td>
            <td>
              <time dateTime={item.createdAt}>{formats.dateTime(item.createdAt)}</time>
            </td>
            <td>
              <span className={`status archive-request--${item.state}`}>{names.requestState(item.state)}</span>
            </td>
            <td>
              {item.expiresAt ? t('archive.requests.until', { date: formats.date(item.expiresAt) }) : null}
              {item.note ? (
                <span className="cell-note">
                  <q dir="auto">{item.note}</q>
                </span>
              ) : null}
              {!item.expiresAt && !item.note ? '—' : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
