import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { Field } from '../forms/Field';
import { useFormats } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { trafficFiltersOf, trafficPath, trafficSearch, type TrafficFilters } from './console';
import { LoadOlder } from './LoadOlder';
import { TrafficSummary } from './TrafficSummary';
import type { TrafficEntry, TrafficSummary as Summary } from './types';
import { useKeysetList } from './useKeysetList';

const PAGE = 50;

/** Statuses worth filtering on: acceptance and the refusal codes of the protocol (docs/exchange.md). */
const knownStatuses = ['accepted', 'bad_signature', 'unknown_key', 'unknown_member', 'member_suspended', 'expired_timestamp', 'missing_component', 'digest_mismatch', 'replayed_message', 'access_denied', 'unknown_service', 'schema_mismatch'];

/** The message log, newest first, with the counters that make failures visible at a glance. */
export function TrafficPanel() {
  const { t } = useTranslation();
  const formats = useFormats();
  const [search, setSearch] = useSearchParams();
  const applied = trafficFiltersOf(search);
  const summary = useApiResource<Summary>('/api/exchange/traffic/summary');
  const log = useKeysetList<TrafficEntry, number>(trafficPath(applied, PAGE));
  const [draft, setDraft] = useState<TrafficFilters>(applied);
  const [shownSearch, setShownSearch] = useState(search.toString());
  const ids = useId();

  // A link (a status in the summary) or the Back button changed the filters: the form follows.
  if (search.toString() !== shownSearch) {
    setShownSearch(search.toString());
    setDraft(applied);
  }


  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearch(trafficSearch(draft));
  }

  const set = (name: keyof TrafficFilters, value: string) => setDraft((previous) => ({ ...previous, [name]: value }));
  const items = log.items;

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('exchange.traffic.title')}</h2>
      <p>{t('exchange.traffic.intro')}</p>
      <div className="toolbar">
        <button type="button" className="button button--secondary" onClick={() => void Promise.all([summary.reload(), log.reload()])}>
          {t('exchange.traffic.refresh')}
        </button>
      </div>
      <ErrorAlert error={summary.error} />
      {summary.data ? <TrafficSummary summary={summary.data} /> : summary.loading ? <Loading /> : null}
      <form className="form card" aria-labelledby={`${ids}-filters`} onSubmit={submit}>
        <h3 id={`${ids}-filters`}>{t('exchange.traffic.filters')}</h3>
        <div className="filters">
          {(['peer', 'service', 'status'] as const).map((name) => (
            <Field key={name} id={`${ids}-${name}`} label={t(`exchange.traffic.${name}`)} hint={t(`exchange.traffic.${name}Hint`)}>
              {(control) => (
                <input
                  {...control}
                  name={name}
                  dir="ltr"
                  autoComplete="off"
                  spellCheck={false}
                  list={name === 'status' ? `${ids}-statuses` : undefined}
                  value={draft[name]}
                  onChange={(event) => set(name, event.target.value)}
                />
              )}
            </Field>
          ))}
          <Field id={`${ids}-direction`} label={t('exchange.traffic.direction')}>
            {(control) => (
              <select {...control} name="direction" value={draft.direction} onChange={(event) => set('direction', event.target.value)}>
                <option value="">{t('exchange.traffic.anyDirection')}</option>
                <option value="in">{t('exchange.direction.in')}</option>
                <option value="out">{t('exchange.direction.out')}</option>
              </select>
            )}
          </Field>
        </div>
        <datalist id={`${ids}-statuses`}>
          {knownStatuses.map((status) => (
            <option key={status} value={status} />
          ))}
        </datalist>
        <div className="actions">
          <button type="submit" className="button">
            {t('exchange.traffic.search')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setSearch(new URLSearchParams())} disabled={trafficSearch(applied).size === 0}>
            {t('exchange.traffic.clear')}
          </button>
        </div>
      </form>
      <ErrorAlert error={log.error} />
      {items ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('exchange.traffic.caption')}
          columns={[
            t('exchange.traffic.columns.seq'),
            t('exchange.traffic.columns.time'),
            t('exchange.traffic.columns.direction'),
            t('exchange.traffic.columns.peer'),
            t('exchange.traffic.columns.service'),
            t('exchange.traffic.columns.status'),
          ]}
          rowCount={items.length}
          emptyMessage={t(trafficSearch(applied).size > 0 ? 'exchange.traffic.noneMatching' : 'exchange.traffic.empty')}
          dense
        >
          {items.map((entry, index) => (
            <tr key={entry.seq} className={entry.outcome === 'ok' ? undefined : `traffic-row--${entry.outcome}`}>
              <th scope="row" id={`${ids}-entry-${index}`} tabIndex={-1}>
                {entry.seq}
              </th>
              <td>
                <time dateTime={entry.loggedAt}>{formats.dateTime(entry.loggedAt)}</time>
              </td>
              <td>{t(`exchange.messageKind.${entry.direction}.${entry.kind}`)}</td>
              <td>
                <code dir="ltr">{entry.peer}</code>
              </td>
              <td>
                <code dir="ltr">{entry.service}</code>
                <span className="cell-note identifier" dir="ltr" title={entry.messageId}>
                  {entry.messageId}
                </span>
              </td>
              <td>
                <span className={`status status--${entry.outcome === 'ok' ? 'on' : entry.outcome}`}>{t(`exchange.outcome.${entry.outcome}`)}</span> <code dir="ltr">{entry.status}</code>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : log.loading ? (
        <Loading />
      ) : null}
      <LoadOlder
        list={log}
        label={t('exchange.traffic.older')}
        announcement={(added, total) => t('exchange.traffic.olderFound', { added, total })}
        rowId={(index) => `${ids}-entry-${index}`}
      />
    </section>
  );
}
