import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { DeclarationTable } from './DeclarationTable';
import { useCustomsNames } from './names';
import { customsPaths } from './paths';
import { queueFiltersFrom, queuePath, queueSearchOf, type CustomsQueueFilters } from './queueFilters';
import { CHANNELS, DECLARATION_STATES, type DeclarationView } from './types';

/**
 * The customs officers' queue: declarations in one state (by default those waiting for an officer
 * after selectivity), every channel or one, oldest first as the server orders them.
 */
export function CustomsQueuePage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = queueFiltersFrom(searchParams);
  const queue = useApiResource<{ items: DeclarationView[] }>(queuePath(filters));
  const ids = useId();
  const items = queue.data?.items;

  return (
    <div className="stack">
      <PageHeading>{t('sections.customs.title')}</PageHeading>
      <p className="lead">{t('customs.queue.intro')}</p>
      <ChannelTabs filters={filters} />
      <StateChoice filters={filters} onChange={(state) => setSearchParams(queueSearchOf({ ...filters, state }))} />
      {/* Busy while another channel or state loads: the rows shown are still the previous query's. */}
      <section className="stack" aria-labelledby={`${ids}-heading`} aria-busy={queue.loading}>
        <h2 id={`${ids}-heading`}>{t('customs.queue.title')}</h2>
        <StatusMessage message={items && !queue.loading ? t('customs.queue.count', { number: formats.number(items.length) }) : null} />
        <ErrorAlert error={queue.error} />
        {items ? <QueueTable captionId={`${ids}-caption`} filters={filters} items={items} /> : queue.loading ? <Loading /> : null}
      </section>
    </div>
  );
}

/** Every channel, then each one: links, so a channel's queue has an address of its own. */
function ChannelTabs({ filters }: { filters: CustomsQueueFilters }) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const choices = [null, ...CHANNELS];
  return (
    <nav aria-label={t('customs.queue.channels')}>
      <ul className="channel-tabs">
        {choices.map((channel) => {
          const search = queueSearchOf({ ...filters, channel }).toString();
          const current = channel === filters.channel;
          return (
            <li key={channel ?? 'all'}>
              <Link to={{ pathname: customsPaths.queue, search }} aria-current={current ? 'page' : undefined}>
                {channel === null ? t('customs.queue.allChannels') : names.channel(channel)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function StateChoice({ filters, onChange }: { filters: CustomsQueueFilters; onChange(state: string): void }) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const id = useId();
  return (
    <div className="toolbar">
      <div className="field toolbar__filter">
        <label htmlFor={id}>{t('customs.queue.state')}</label>
        <select id={id} name="state" value={filters.state} onChange={(event) => onChange(event.target.value)}>
          {DECLARATION_STATES.filter((state) => state !== 'draft').map((state) => (
            <option key={state} value={state}>
              {names.state(state)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function QueueTable({ captionId, filters, items }: { captionId: string; filters: CustomsQueueFilters; items: readonly DeclarationView[] }) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const caption = t('customs.queue.caption', {
    channel: filters.channel === null ? t('customs.queue.allChannels') : names.channel(filters.channel),
    state: names.state(filters.state),
  });
  return <DeclarationTable captionId={captionId} caption={caption} items={items} emptyMessage={t('customs.queue.empty')} pathOf={customsPaths.officerDeclaration} />;
}
