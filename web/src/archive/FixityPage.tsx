import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { archiveApi } from './console';
import { useArchiveNames } from './names';
import { PackageHeaderCell } from './TableCells';
import type { FixityReport } from './types';

const counters = ['checked', 'intact', 'repaired', 'lost', 'unrepaired'] as const;

/**
 * The last fixity audit (the daily job, or `guichet archive audit`): every content re-hashed in
 * both roots, bad copies repaired from a good one, and what could not be: files lost, copies left
 * unrepaired. Problems are those of the reader's agencies.
 */
export function FixityPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const report = useApiResource<FixityReport>(archiveApi.fixity);
  const ids = useId();
  // Before the first run the server has no report: that is news, not a failure.
  const noAuditYet = report.error instanceof ApiError && report.error.status === 404;
  const data = report.data;

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('archive.fixity.title')}</h2>
      <p>{t('archive.fixity.intro')}</p>
      {noAuditYet ? <p className="empty-state">{t('archive.fixity.noAuditYet')}</p> : <ErrorAlert error={report.error} />}
      {data ? (
        <>
          <p>
            {t('archive.fixity.ran', { finished: formats.dateTime(data.finishedAt) })}{' '}
            <span className="cell-note">
              <bdi>{data.agent}</bdi>
            </span>
          </p>
          <dl className="archive-counters">
            {counters.map((name) => (
              <div key={name} className={`archive-counter ${(name === 'lost' || name === 'unrepaired') && data[name] > 0 ? 'archive-counter--alarm' : ''}`}>
                <dt>{t(`archive.fixity.${name}`)}</dt>
                <dd>{formats.number(data[name])}</dd>
              </div>
            ))}
          </dl>
          <Problems report={data} />
        </>
      ) : report.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}

function Problems({ report }: { report: FixityReport }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  const ids = useId();
  return (
    <DataTable
      captionId={`${ids}-caption`}
      caption={t('archive.fixity.problemsCaption', { count: formats.number(report.problems.length) })}
      columns={[t('archive.columns.identifier'), t('archive.columns.path'), t('archive.fixity.kind'), t('archive.fixity.root'), t('archive.columns.sha256'), t('archive.columns.agency')]}
      rowCount={report.problems.length}
      emptyMessage={t('archive.fixity.noProblems')}
      dense
    >
      {report.problems.map((problem) => (
        <tr key={`${problem.package}:${problem.path}:${problem.root ?? ''}`}>
          <PackageHeaderCell identifier={problem.package} />
          <td>
            <code dir="ltr">{problem.path}</code>
          </td>
          <td>
            <span className="status archive-failure">{t(`archive.fixity.problem.${problem.kind}`)}</span>
          </td>
          <td>{problem.root ? names.root(problem.root) : '—'}</td>
          <td>
            <code dir="ltr" className="archive-digest">
              {problem.sha256}
            </code>
          </td>
          <td>{names.agencyById(problem.agencyId)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
