import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { NotFoundPage } from '../pages/NotFoundPage';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { legacyPaths, type LegacyImportRun, type LegacyRejection } from './LegacyImportsPage';

/** One import run's report: its counts, and each record refused with where it was in the file and why. */
export function LegacyImportRunPage() {
  const { id = '' } = useParams();
  const run = useApiResource<LegacyImportRun>(`/api/legacy/imports/${encodeURIComponent(id)}`);
  if (!run.data) {
    if (run.error instanceof ApiError && (run.error.status === 404 || run.error.status === 400)) return <NotFoundPage />;
    return run.error ? <ErrorAlert error={run.error} /> : <Loading />;
  }
  return <RunReport run={run.data} />;
}

/** A CSV line, or a CUSDEC message and segment. */
function useWhere() {
  const { t } = useTranslation();
  return (rejection: LegacyRejection) =>
    rejection.segment !== undefined
      ? t('customs.legacy.where.segment', { message: rejection.messageReference ?? '', segment: rejection.segment, tag: rejection.tag ?? '', line: rejection.line ?? '' })
      : t('customs.legacy.where.line', { line: rejection.line ?? '?' });
}

function RunReport({ run }: { run: LegacyImportRun }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  const where = useWhere();
  return (
    <div className="stack">
      <p>
        <Link to={legacyPaths.imports}>{t('customs.legacy.back')}</Link>
      </p>
      <PageHeading>{t('customs.legacy.runTitle', { file: `\u2068${run.fileName}\u2069` })}</PageHeading>
      <p className="lead">
        {t('customs.legacy.summary', {
          read: formats.number(run.linesRead),
          imported: formats.number(run.imported),
          alreadyPresent: formats.number(run.alreadyPresent),
          rejected: formats.number(run.rejected),
        })}
      </p>
      <p className="cell-note">
        {t('customs.legacy.started', { at: formats.dateTime(run.startedAt), by: `\u2068${run.startedBy}\u2069` })} · <code>sha256 {run.digest}</code>
      </p>
      <section className="card stack" aria-labelledby={`${ids}-rejections`}>
        <h2 id={`${ids}-rejections`}>{t('customs.legacy.rejections')}</h2>
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('customs.legacy.rejectionsCaption')}
          columns={[t('customs.legacy.columns.where'), t('customs.legacy.columns.reference'), t('customs.legacy.columns.reason')]}
          rowCount={run.rejections.length}
          emptyMessage={t('customs.legacy.noRejection')}
        >
          {run.rejections.map((rejection, index) => (
            <tr key={index}>
              <th scope="row">{where(rejection)}</th>
              <td>
                <bdi>{rejection.reference ?? '—'}</bdi>
              </td>
              <td>{rejection.message}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
