import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useMoney } from '../portal/money';
import { section } from '../session/access';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { financePaths, mismatchSentence, type Mismatch, type ReconciliationReport } from './reconciliation';

/** One day's reconciliation: how much matched, and every mismatch in words an accountant acts on. */
export default function ReconciliationReportPage() {
  const { id = '' } = useParams();
  const report = useApiResource<ReconciliationReport>(financePaths.report(id));
  if (!report.data) {
    if (report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 400)) return <NotFoundPage />;
    return report.error ? <ErrorAlert error={report.error} /> : <Loading />;
  }
  return <Report report={report.data} />;
}

function Report({ report }: { report: ReconciliationReport }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  const provider = t(`finance.providers.${report.provider}`, { defaultValue: report.provider });
  return (
    <div className="stack">
      <p>
        <Link to={section('finance').path}>{t('finance.report.back')}</Link>
      </p>
      <PageHeading>{t('finance.report.title', { day: formats.day(report.day), provider })}</PageHeading>
      <p className="lead">
        {t('finance.report.summary', {
          lines: formats.number(report.statementLines),
          matched: formats.number(report.matched),
          mismatches: formats.number(report.mismatches.length),
        })}
      </p>
      <p className="cell-note">
        {t('finance.report.imported', { at: formats.dateTime(report.importedAt), by: `\u2068${report.importedBy}\u2069` })}
      </p>
      <section className="card stack" aria-labelledby={`${ids}-mismatches`}>
        <h2 id={`${ids}-mismatches`}>{t('finance.report.mismatches')}</h2>
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('finance.report.caption')}
          columns={[t('finance.report.columns.kind'), t('finance.report.columns.explanation')]}
          rowCount={report.mismatches.length}
          emptyMessage={t('finance.report.allMatch')}
        >
          {report.mismatches.map((mismatch, index) => (
            <MismatchRow key={index} mismatch={mismatch} />
          ))}
        </DataTable>
        <p>
          <a href={financePaths.reportCsv(report.id)} download={`reconciliation-${report.provider}-${report.day}.csv`}>
            {t('finance.report.csv')}
          </a>
        </p>
      </section>
    </div>
  );
}

function MismatchRow({ mismatch }: { mismatch: Mismatch }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { key, values } = mismatchSentence(mismatch);
  const amount = (value: number | null) => (value === null ? '—' : money(Math.abs(value), mismatch.currency));
  return (
    <tr>
      <th scope="row">{t(`finance.mismatchKind.${mismatch.kind}`)}</th>
      <td>
        {t(key, {
          reference: `\u2066${values.reference}\u2069`,
          providerReference: `\u2066${values.providerReference}\u2069`,
          ours: amount(values.ours),
          theirs: amount(values.theirs),
          difference: amount(values.difference),
          direction: values.difference !== null && values.difference > 0 ? t('finance.mismatch.more') : t('finance.mismatch.less'),
        })}
      </td>
    </tr>
  );
}
