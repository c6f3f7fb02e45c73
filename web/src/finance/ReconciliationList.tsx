import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { section } from '../session/access';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { financePaths, type ReconciliationSummary } from './reconciliation';

/** The statements imported so far, latest first, each opening its report. */
export function ReconciliationList() {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  const reports = useApiResource<{ items: ReconciliationSummary[] }>(financePaths.reconciliations);
  return (
    <section className="card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('finance.reports.title')}</h2>
      <ErrorAlert error={reports.error} />
      {reports.data ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('finance.reports.caption')}
          columns={[t('finance.reports.day'), t('finance.reports.provider'), t('finance.reports.lines'), t('finance.reports.matched'), t('finance.reports.mismatches'), t('finance.reports.imported')]}
          rowCount={reports.data.items.length}
          emptyMessage={t('finance.reports.none')}
        >
          {reports.data.items.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to={`${section('finance').path}/reconciliations/${encodeURIComponent(report.id)}`}>{formats.day(report.day)}</Link>
              </th>
              <td>{t(`finance.providers.${report.provider}`, { defaultValue: report.provider })}</td>
              <td>{formats.number(report.statementLines)}</td>
              <td>{formats.number(report.matched)}</td>
              <td>{formats.number(report.mismatchCount)}</td>
              <td>
                <time dateTime={report.importedAt}>{formats.dateTime(report.importedAt)}</time>
                <span className="cell-note">
                  <bdi>{report.importedBy}</bdi>
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : reports.error ? null : (
        <Loading />
      )}
    </section>
  );
}
