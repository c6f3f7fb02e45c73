import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
import { useFormats, useLanguage } from '../i18n/formats';
import { section } from '../session/access';
import { useSession } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';

/** An import run of the old customs system's declarations, as GET /api/legacy/imports lists it. */
export interface LegacyImportRunSummary {
  id: string;
  fileName: string;
  format: 'csv' | 'cusdec';
  digest: string;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  linesRead: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
}

export interface LegacyRejection {
  line: number | null;
  messageReference?: string;
  segment?: number;
  tag?: string;
  reference: string | null;
  code: string;
  message: string;
}

export interface LegacyImportRun extends LegacyImportRunSummary {
  rejections: LegacyRejection[];
}

export const legacyPaths = {
  imports: `${section('customs').path}/legacy`,
  run: (id: string) => `${section('customs').path}/legacy/${encodeURIComponent(id)}`,
};

/** An interchange is sent as EDIFACT, anything else as the CSV export (spreadsheets label CSV files differently). */
const uploadOf = (file: File) => new Blob([file], { type: /\.(edi|edifact|cusdec)$/i.test(file.name) ? 'application/edifact' : 'text/csv' });

/** The customs officers' page for the migration: import the old system's exports, and read every run's report. */
export function LegacyImportsPage() {
  const { t } = useTranslation();
  const runs = useApiResource<{ items: LegacyImportRunSummary[] }>('/api/legacy/imports');
  return (
    <div className="stack">
      <PageHeading>{t('customs.legacy.title')}</PageHeading>
      <p className="lead">{t('customs.legacy.intro')}</p>
      <LegacyImportForm />
      <LegacyRunList runs={runs.data?.items} error={runs.error} />
    </div>
  );
}

function LegacyImportForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const navigate = useNavigate();
  const ids = useId();
  const [file, setFile] = useState<File | null>(null);
  const { pending, error, run } = useSubmission();

  function send(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      if (!file) throw new ApiError(400, 'legacy_file_missing', t('customs.legacy.fileMissing'), language);
      const report = await request<LegacyImportRun>(`/api/legacy/imports?fileName=${encodeURIComponent(file.name)}`, { method: 'POST', body: uploadOf(file) });
      await navigate(legacyPaths.run(report.id));
    });
  }

  return (
    <section className="card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('customs.legacy.importTitle')}</h2>
      <form className="form" onSubmit={send} aria-labelledby={`${ids}-title`}>
        <Field id={`${ids}-file`} label={t('customs.legacy.file')} hint={t('customs.legacy.fileHint')}>
          {(control) => <input {...control} type="file" accept=".csv,text/csv,.edi,.edifact" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
        </Field>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('customs.legacy.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function LegacyRunList({ runs, error }: { runs: LegacyImportRunSummary[] | undefined; error: unknown }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  return (
    <section className="card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('customs.legacy.runsTitle')}</h2>
      <ErrorAlert error={error} />
      {runs ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('customs.legacy.runsCaption')}
          columns={[t('customs.legacy.columns.file'), t('customs.legacy.columns.read'), t('customs.legacy.columns.imported'), t('customs.legacy.columns.alreadyPresent'), t('customs.legacy.columns.rejected'), t('customs.legacy.columns.started')]}
          rowCount={runs.length}
          emptyMessage={t('customs.legacy.none')}
        >
          {runs.map((run) => (
            <tr key={run.id}>
              <th scope="row">
                <Link to={legacyPaths.run(run.id)}>
                  <bdi>{run.fileName}</bdi>
                </Link>
                <span className="cell-note">{t(`customs.legacy.formats.${run.format}`)}</span>
              </th>
              <td>{formats.number(run.linesRead)}</td>
              <td>{formats.number(run.imported)}</td>
              <td>{formats.number(run.alreadyPresent)}</td>
              <td>{formats.number(run.rejected)}</td>
              <td>
                <time dateTime={run.startedAt}>{formats.dateTime(run.startedAt)}</time>
                <span className="cell-note">
                  <bdi>{run.startedBy}</bdi>
                  {run.finishedAt ? null : ` — ${t('customs.legacy.unfinished')}`}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : error ? null : (
        <Loading />
      )}
    </section>
  );
}
