import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetter } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { useFormats } from '../../i18n/formats';
import { useSession } from '../../session/SessionContext';
import { DataTable } from '../../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../../shell/ErrorAlert';
import { Loading } from '../../shell/Loading';

/**
 * Event deliveries of the outbox that used up their attempts. Replaying one puts it back in the
 * queue once its cause is fixed; the server records the replay in the audit trail. Its own chunk:
 * only platform administrators ever download it.
 */
/** Oldest first; a backlog longer than this is a matter for the operator's tools, not this screen. */
const PAGE = 100;

export default function DeadLetters() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { request } = useSession();
  const letters = useApiResource<{ items: DeadLetter[] }>(`/api/operations/dead-letters?limit=${PAGE}`);
  const [replaying, setReplaying] = useState<number | null>(null);
  const [replayError, setReplayError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  async function replay(letter: DeadLetter) {
    setReplaying(letter.id);
    setReplayError(null);
    setAnnouncement(null);
    try {
      await request<void>(`/api/operations/dead-letters/${letter.id}/replay`, { method: 'POST' });
      setAnnouncement(t('deadLetters.replayed', { id: letter.id, topic: letter.topic }));
      await letters.reload();
      // The replayed row is gone, and its button with it.
      heading.current?.focus();
    } catch (failure) {
      setReplayError(failure);
    } finally {
      setReplaying(null);
    }
  }

  const items = letters.data?.items;
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('deadLetters.title')}
      </h2>
      <p>{t('deadLetters.intro')}</p>
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={letters.error ?? replayError} />
      {items === undefined ? (
        letters.loading ? <Loading /> : null
      ) : (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('deadLetters.caption', { total: items.length })}
          columns={[
            t('deadLetters.columns.id'),
            t('deadLetters.columns.topic'),
            t('deadLetters.columns.subscriber'),
            t('deadLetters.columns.attempts'),
            t('deadLetters.columns.lastError'),
            t('deadLetters.columns.emittedAt'),
            t('common.actions'),
          ]}
          rowCount={items.length}
          emptyMessage={t('deadLetters.empty')}
        >
          {items.map((letter) => (
            <tr key={letter.id}>
              <th scope="row">{letter.id}</th>
              <td>
                <code dir="ltr">{letter.topic}</code>
              </td>
              <td>
                <code dir="ltr">{letter.subscriber}</code>
              </td>
              <td>{formats.number(letter.attempts)}</td>
              <td>
                {/* Written by the subscriber's code, in whatever language it throws in. */}
                <span dir="auto" className="cell-text">
                  {letter.lastError ?? '—'}
                </span>
              </td>
              <td>
                <time dateTime={letter.emittedAt}>{formats.dateTime(letter.emittedAt)}</time>
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={replaying !== null}
                  aria-label={t('deadLetters.replayNamed', { id: letter.id })}
                  onClick={() => void replay(letter)}
                >
                  {replaying === letter.id ? t('deadLetters.replaying') : t('deadLetters.replay')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {items?.length === PAGE ? <p className="field__hint">{t('deadLetters.truncated', { limit: PAGE })}</p> : null}
    </section>
  );
}
