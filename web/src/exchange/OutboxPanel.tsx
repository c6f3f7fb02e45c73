import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Field } from '../forms/Field';
import { useFormats } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { canManageExchange, outboxPath } from './console';
import { LoadOlder } from './LoadOlder';
import { outboxStatuses, type OutboxEntry, type OutboxStatus } from './types';
import { useKeysetList } from './useKeysetList';

const PAGE = 50;

const statusClass: Record<OutboxStatus, string> = { pending: 'status status--pending', delivered: 'status status--on', refused: 'status status--refused', dead: 'status status--failed' };

/**
 * Asynchronous messages this platform sent, newest first. A dead one used up its attempts: once
 * its cause is fixed (the provider is back, its endpoint corrected), replaying it delivers it with
 * fresh attempts, still exactly once at the receiver.
 */
export function OutboxPanel() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { request } = useSession();
  const manager = canManageExchange(useSignedInUser());
  const [search, setSearch] = useSearchParams();
  const chosen = search.get('status');
  const status: OutboxStatus | '' = outboxStatuses.find((candidate) => candidate === chosen) ?? '';
  const messages = useKeysetList<OutboxEntry, string>(outboxPath(status, PAGE));
  const [replaying, setReplaying] = useState<string | null>(null);
  const [replayError, setReplayError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();


  async function replay(message: OutboxEntry) {
    setReplaying(message.messageId);
    setReplayError(null);
    setAnnouncement(null);
    try {
      await request<void>(`/api/exchange/outbox/${encodeURIComponent(message.messageId)}/replay`, { method: 'POST' });
      setAnnouncement(t('exchange.outbox.replayed', { id: message.messageId }));
      await messages.reload();
      // The row changed status and lost its button: reading resumes at the heading.
      heading.current?.focus();
    } catch (failure) {
      setReplayError(failure);
    } finally {
      setReplaying(null);
    }
  }

  const items = messages.items;
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('exchange.outbox.title')}
      </h2>
      <p>{t('exchange.outbox.intro')}</p>
      <div className="toolbar">
        <div className="toolbar__filter">
          <Field id={`${ids}-status`} label={t('exchange.outbox.status')}>
            {(control) => (
              <select {...control} name="status" value={status} onChange={(event) => setSearch(event.target.value ? { status: event.target.value } : {})}>
                <option value="">{t('exchange.outbox.anyStatus')}</option>
                {outboxStatuses.map((option) => (
                  <option key={option} value={option}>
                    {t(`exchange.outboxStatus.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={messages.error ?? replayError} />
      {items ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t(status ? 'exchange.outbox.captionStatus' : 'exchange.outbox.caption', { status: status ? t(`exchange.outboxStatus.${status}`) : '' })}
          columns={[
            t('exchange.outbox.columns.message'),
            t('exchange.outbox.columns.created'),
            t('exchange.outbox.columns.route'),
            t('exchange.outbox.columns.status'),
            t('exchange.outbox.columns.attempts'),
            t('exchange.outbox.columns.lastError'),
            ...(manager ? [t('common.actions')] : []),
          ]}
          rowCount={items.length}
          emptyMessage={t('exchange.outbox.empty')}
          dense
        >
          {items.map((message, index) => (
            <tr key={message.messageId} className={message.status === 'dead' || message.status === 'refused' ? 'traffic-row--failed' : undefined}>
              <th scope="row" id={`${ids}-message-${index}`} tabIndex={-1} className="message-id" dir="ltr">
                {message.messageId}
              </th>
              <td>
                <time dateTime={message.createdAt}>{formats.dateTime(message.createdAt)}</time>
                {message.deliveredAt ? (
                  <span className="cell-note">{t('exchange.outbox.deliveredAt', { time: formats.dateTime(message.deliveredAt) })}</span>
                ) : null}
              </td>
              <td>
                <code dir="ltr">{message.client}</code>
                <span className="cell-note">{t('exchange.outbox.toService', { service: isolate(`${message.provider}/${message.service}/${message.version}`) })}</span>
              </td>
              <td>
                <span className={statusClass[message.status]}>{t(`exchange.outboxStatus.${message.status}`)}</span>
                {message.responseStatus ? <span className="cell-note">{t('exchange.outbox.httpStatus', { status: message.responseStatus })}</span> : null}
              </td>
              <td>{formats.number(message.attempts)}</td>
              <td>
                {/* Written by the transport or the provider, in whatever language it answers in. */}
                <span dir="auto" className="cell-text">
                  {message.lastError ?? '—'}
                </span>
              </td>
              {manager ? (
                <td>
                  {message.status === 'dead' ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={replaying !== null}
                      aria-label={t('exchange.outbox.replayNamed', { id: message.messageId })}
                      onClick={() => void replay(message)}
                    >
                      {replaying === message.messageId ? t('exchange.outbox.replaying') : t('exchange.outbox.replay')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : messages.loading ? (
        <Loading />
      ) : null}
      <LoadOlder
        list={messages}
        label={t('exchange.outbox.older')}
        announcement={(added, total) => t('exchange.outbox.olderFound', { added, total })}
        rowId={(index) => `${ids}-message-${index}`}
      />
    </section>
  );
}
