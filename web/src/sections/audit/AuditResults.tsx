import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../api/types';
import { useFormats } from '../../i18n/formats';
import { useSession } from '../../session/SessionContext';
import { DataTable } from '../../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../../shell/ErrorAlert';
import { Loading } from '../../shell/Loading';
import {
  AUDIT_PAGE,
  auditEntriesPath,
  filtersFromSearch,
  noFilters,
  searchFromFilters,
  shortHash,
  shortId,
  type AuditFilters,
} from './auditQuery';

interface AuditResultsProps {
  /** The search as the address bar holds it. */
  search: string;
  /** Bumped when the same search is asked again. */
  run: number;
  onError(error: unknown): void;
}

/** What the last load found, worded at render time so that it follows a language switch. */
type Outcome = { kind: 'found'; count: number } | { kind: 'older'; count: number; total: number } | { kind: 'none' };

/** The entries, newest first, fifty at a time; "older entries" continues below the last one. */
export function AuditResults({ search, run, onError }: AuditResultsProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [focusSeq, setFocusSeq] = useState<number | null>(null);
  const latest = useRef(0);
  // Following a link in the table replaces the rows, the link among them: reading resumes at the heading.
  const followed = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    setOutcome(null);
    onError(null);
    request<{ items: AuditEntry[] }>(auditEntriesPath(filtersFromSearch(new URLSearchParams(search))))
      .then(({ items }) => {
        if (ticket !== latest.current) return;
        setEntries(items);
        setHasOlder(items.length === AUDIT_PAGE);
        setOutcome(items.length > 0 ? { kind: 'found', count: items.length } : { kind: 'none' });
        if (followed.current) heading.current?.focus();
        followed.current = false;
      })
      .catch((failure: unknown) => {
        if (ticket !== latest.current) return;
        setEntries(null);
        setHasOlder(false);
        setError(failure);
        onError(failure);
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
  }, [search, run, request, onError]);

  // The first of the older entries takes the focus: reading goes on where the list grew.
  useEffect(() => {
    if (focusSeq !== null) document.getElementById(`${ids}-entry-${focusSeq}`)?.focus();
  }, [focusSeq, ids]);

  async function loadOlder() {
    const shown = entries ?? [];
    const last = shown.at(-1);
    if (!last) return;
    const ticket = latest.current;
    setLoading(true);
    setError(null);
    try {
      const { items } = await request<{ items: AuditEntry[] }>(
        auditEntriesPath(filtersFromSearch(new URLSearchParams(search)), last.seq),
      );
      if (ticket !== latest.current) return;
      setEntries([...shown, ...items]);
      setHasOlder(items.length === AUDIT_PAGE);
      setOutcome({ kind: 'older', count: items.length, total: shown.length + items.length });
      setFocusSeq(items[0]?.seq ?? null);
    } catch (failure) {
      if (ticket === latest.current) setError(failure);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }

  const message =
    outcome === null
      ? null
      : outcome.kind === 'none'
        ? t('audit.results.none')
        : outcome.kind === 'found'
          ? t('audit.results.found', { total: outcome.count })
          : t('audit.results.olderFound', { added: outcome.count, total: outcome.total });

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('audit.results.title')}
      </h2>
      <StatusMessage message={message} />
      <ErrorAlert error={error} />
      {entries && entries.length > 0 ? (
        <EntriesTable idPrefix={ids} entries={entries} onFollow={() => (followed.current = true)} />
      ) : null}
      {loading && entries === null ? <Loading /> : null}
      {hasOlder ? (
        <p>
          <button type="button" className="button button--secondary" disabled={loading} onClick={() => void loadOlder()}>
            {loading ? t('audit.results.loadingOlder') : t('audit.results.older')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** A link that searches for one value: the auditor follows an actor, a record or a request. */
function searchLink(filters: Partial<AuditFilters>): { search: string } {
  return { search: `?${searchFromFilters({ ...noFilters, ...filters }).toString()}` };
}

interface EntriesTableProps {
  idPrefix: string;
  entries: readonly AuditEntry[];
  /** Called when a link in the table is about to change the search. */
  onFollow(): void;
}

function EntriesTable({ idPrefix, entries, onFollow }: EntriesTableProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <>
      <p className="field__hint">{t('audit.results.linkHint')}</p>
      <DataTable
        captionId={`${idPrefix}-caption`}
        caption={t('audit.results.caption')}
        columns={[
          t('audit.columns.seq'),
          t('audit.columns.time'),
          t('audit.columns.actor'),
          t('audit.columns.action'),
          t('audit.columns.record'),
          t('audit.columns.requestId'),
          t('audit.columns.hash'),
        ]}
        rowCount={entries.length}
        dense
      >
        {entries.map((entry) => (
          <tr key={entry.seq}>
            <th scope="row" id={`${idPrefix}-entry-${entry.seq}`} tabIndex={-1}>
              {entry.seq}
            </th>
            <td>
              <time dateTime={entry.occurredAt}>{formats.dateTime(entry.occurredAt)}</time>
            </td>
            <td>
              <ActorCell actor={entry.actor} onFollow={onFollow} />
            </td>
            <td>
              <code dir="ltr">{entry.action}</code>
            </td>
            <td>
              <code dir="ltr">{entry.record.type}</code>
              {entry.record.id ? (
                <span className="cell-note">
                  <Link
                    dir="ltr"
                    className="identifier"
                    title={entry.record.id}
                    onClick={onFollow}
                    to={searchLink({ recordType: entry.record.type, recordId: entry.record.id })}
                  >
                    {shortId(entry.record.id)}
                  </Link>
                </span>
              ) : null}
            </td>
            <td>
              {entry.requestId ? (
                <Link
                  dir="ltr"
                  className="identifier"
                  title={entry.requestId}
                  onClick={onFollow}
                  to={searchLink({ requestId: entry.requestId })}
                >
                  {shortId(entry.requestId)}
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td>
              {entry.hash ? <code dir="ltr">{shortHash(entry.hash)}</code> : <span title={t('audit.notChainedYetHint')}>{t('audit.notChainedYet')}</span>}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

function ActorCell({ actor, onFollow }: { actor: AuditEntry['actor']; onFollow(): void }) {
  const { t } = useTranslation();
  const kind = t(`audit.actorTypes.${actor.type}`, { defaultValue: actor.type });
  // Someone not signed in has no name to show, only what they are.
  if (actor.type === 'anonymous') return <>{kind}</>;
  return (
    <>
      {/* Labels mix scripts ("كريم بن علي", an e-mail address): each keeps its own direction. */}
      {actor.id ? (
        <Link dir="auto" onClick={onFollow} to={searchLink({ actorId: actor.id })}>
          {actor.label}
        </Link>
      ) : (
        <bdi>{actor.label}</bdi>
      )}
      {actor.type === 'user' ? null : <span className="cell-note">{kind}</span>}
    </>
  );
}
