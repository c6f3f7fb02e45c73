import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import type { CaseQueuePage } from '../applications/types';
import { fieldMessages } from '../forms/fieldMessages';
import { useFormats } from '../i18n/formats';
import { useAgencies } from '../session/agencies';
import { useSignedInUser } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { caseworkerAgencies } from './caseworker';
import { QueueFilters } from './QueueFilters';
import { QueueTable } from './QueueTable';
import { casesPath, filtersFromSearch, pageRange, QUEUE_PAGE, searchFromFilters, type QueueFilters as Filters } from './queueQuery';

/** The agency's files, narrowed and sorted as the address bar says, one page at a time. */
export function CaseQueue() {
  const { t } = useTranslation();
  const formats = useFormats();
  const user = useSignedInUser();
  const allAgencies = useAgencies();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const search = searchFromFilters(filters).toString();
  const queue = useApiResource<CaseQueuePage>(casesPath(filters));
  const ids = useId();

  const agencies = caseworkerAgencies(user) ?? allAgencies.map((agency) => agency.code);
  const show = useCallback((next: Filters) => setSearchParams(searchFromFilters(next)), [setSearchParams]);

  const page = queue.data;
  const range = page ? pageRange(filters.offset, page.items.length, page.total) : null;

  return (
    <>
      <QueueFilters
        search={search}
        initial={filters}
        agencies={agencies}
        onSearch={show}
        serverMessages={fieldMessages(queue.error, 'querystring')}
      />
      <section className="stack" aria-labelledby={`${ids}-heading`}>
        <h2 id={`${ids}-heading`}>{t('backOffice.queue.title')}</h2>
        <StatusMessage
          message={
            queue.loading || !page
              ? null
              : range
                ? t('backOffice.queue.range', { first: formats.number(range.first), last: formats.number(range.last), total: formats.number(range.total) })
                : null
          }
        />
        <ErrorAlert error={queue.error} />
        {page ? <QueueTable captionId={`${ids}-caption`} items={page.items} filters={filters} /> : null}
        {queue.loading && !page ? <Loading /> : null}
        {page && page.total > QUEUE_PAGE ? (
          <nav className="actions" aria-label={t('backOffice.queue.paging')}>
            <button
              type="button"
              className="button button--secondary"
              disabled={filters.offset === 0 || queue.loading}
              onClick={() => show({ ...filters, offset: Math.max(0, filters.offset - QUEUE_PAGE) })}
            >
              {t('backOffice.queue.previous')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={filters.offset + QUEUE_PAGE >= page.total || queue.loading}
              onClick={() => show({ ...filters, offset: filters.offset + QUEUE_PAGE })}
            >
              {t('backOffice.queue.next')}
            </button>
          </nav>
        ) : null}
      </section>
    </>
  );
}
