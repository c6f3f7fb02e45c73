import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { archiveApi, archivePaths } from './console';
import { useArchiveNames } from './names';
import { SearchPanel } from './SearchPanel';
import { AccessLevelBadge } from './SearchResults';
import { PackageHeaderCell } from './TableCells';
import type { PackageSummary } from './types';

/** Packages listed at a time before searching. */
const LATEST = 20;

/** The packages of the archivist's agencies: searched in full text with facets, or the latest ones. */
export function PackagesPage() {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('archive.packages.title')}</h2>
      <p>{t('archive.packages.intro')}</p>
      <SearchPanel endpoint="/api/archive/search" hitPath={archivePaths.package} idle={<LatestPackages />} />
    </section>
  );
}

/** Newest first, a page at a time. */
function LatestPackages() {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  const [offset, setOffset] = useState(0);
  const list = useApiResource<{ items: PackageSummary[]; nextOffset: number | null }>(`${archiveApi.packages}?limit=${LATEST}&offset=${offset}`);
  const ids = useId();
  const items = list.data?.items;
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`} aria-busy={list.loading}>
      <h3 id={`${ids}-heading`}>{t('archive.packages.latest')}</h3>
      <ErrorAlert error={list.error} />
      {items ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('archive.packages.latestCaption', { from: formats.number(offset + 1), to: formats.number(offset + items.length) })}
          columns={[t('archive.columns.identifier'), t('archive.columns.title'), t('archive.columns.agency'), t('archive.columns.source'), t('archive.columns.storedAt'), t('archive.columns.accessLevel'), t('archive.columns.state')]}
          rowCount={items.length}
          emptyMessage={t('archive.packages.empty')}
          dense
        >
          {items.map((item) => (
            <tr key={item.identifier}>
              <PackageHeaderCell identifier={item.identifier} />
              <td dir="auto">{item.title}</td>
              <td>{names.agency(item.agency)}</td>
              <td>
                {names.recordType(item.source.type)}
                <span className="cell-note identifier" dir="ltr">
                  {item.source.reference}
                </span>
              </td>
              <td>{item.storedAt ? <time dateTime={item.storedAt}>{formats.date(item.storedAt)}</time> : '—'}</td>
              <td>
                <AccessLevelBadge level={item.accessLevel} />
              </td>
              <td>{names.packageState(item.state)}</td>
            </tr>
          ))}
        </DataTable>
      ) : list.loading ? (
        <Loading />
      ) : null}
      <div className="actions">
        {offset > 0 ? (
          <button type="button" className="button button--secondary" disabled={list.loading} onClick={() => setOffset(Math.max(0, offset - LATEST))}>
            {t('archive.packages.newer')}
          </button>
        ) : null}
        {list.data?.nextOffset ? (
          <button type="button" className="button button--secondary" disabled={list.loading} onClick={() => setOffset(list.data?.nextOffset ?? 0)}>
            {t('archive.packages.older')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
