import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { customsPaths } from './paths';

/** A cargo manifest as the list shows it (GET /api/customs/manifests). */
export interface ManifestSummary {
  id: string;
  reference: string;
  portMember: string;
  format: 'json' | 'cuscar';
  transportMode: 'sea' | 'air';
  meansId: string;
  voyage: string;
  portOfArrival: string;
  arrivalDate: string;
  receivedAt: string;
  lineCount: number;
  discrepancyCount: number;
}

export const manifestPath = (id: string) => `${customsPaths.queue}/manifests/${encodeURIComponent(id)}`;

/** The port's cargo manifests, newest first; an officer may keep only those with a discrepancy to look at. */
export function ManifestsPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  const [search, setSearch] = useSearchParams();
  const onlyDiscrepancies = search.get('discrepancies') === '1';
  const list = useApiResource<{ items: ManifestSummary[] }>(`/api/customs/manifests?limit=100${onlyDiscrepancies ? '&withDiscrepancies=true' : ''}`);
  const items = list.data?.items;
  return (
    <div className="stack">
      <PageHeading>{t('customs.manifests.title')}</PageHeading>
      <p className="lead">{t('customs.manifests.intro')}</p>
      <div className="field field--checkbox">
        <input id={`${ids}-only`} type="checkbox" checked={onlyDiscrepancies} onChange={(event) => setSearch(event.target.checked ? { discrepancies: '1' } : {})} />
        <label htmlFor={`${ids}-only`}>{t('customs.manifests.onlyDiscrepancies')}</label>
      </div>
      <section className="stack" aria-busy={list.loading}>
        <ErrorAlert error={list.error} />
        {items ? (
          <DataTable
            captionId={`${ids}-caption`}
            caption={t('customs.manifests.caption')}
            columns={[t('customs.manifests.reference'), t('customs.manifests.conveyance'), t('customs.manifests.arrival'), t('customs.manifests.lines'), t('customs.manifests.discrepancies'), t('customs.manifests.receivedAt')]}
            rowCount={items.length}
            emptyMessage={t('customs.manifests.empty')}
            dense
          >
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={manifestPath(item.id)}>
                    <bdi>{item.reference}</bdi>
                  </Link>
                  <span className="cell-note">{item.format === 'cuscar' ? 'CUSCAR' : 'JSON'}</span>
                </th>
                <td>
                  <bdi>
                    {item.meansId} · {item.voyage}
                  </bdi>
                </td>
                <td>
                  {formats.day(item.arrivalDate)} · <bdi>{item.portOfArrival}</bdi>
                </td>
                <td>{formats.number(item.lineCount)}</td>
                <td>{item.discrepancyCount > 0 ? <strong>{formats.number(item.discrepancyCount)}</strong> : formats.number(0)}</td>
                <td>{formats.dateTime(item.receivedAt)}</td>
              </tr>
            ))}
          </DataTable>
        ) : list.loading ? (
          <Loading />
        ) : null}
      </section>
    </div>
  );
}
