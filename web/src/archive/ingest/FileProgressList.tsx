import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { archivePaths } from '../console';
import { percent, type FileRow } from './ingest';

/** What a row says of its file, beside its bar. */
function useStateText() {
  const { t } = useTranslation();
  return (row: FileRow) => {
    switch (row.phase) {
      case 'uploading':
        return t('archiveIngest.state.uploading', { percent: percent(row.progress) });
      case 'recognising':
        return t('archiveIngest.state.recognising', { percent: percent(row.progress) });
      default:
        return t(`archiveIngest.state.${row.phase}`);
    }
  };
}

/** Each file of the batch: its upload, then its reading, then its package — or why it was refused. */
export function FileProgressList({ reference, rows }: { reference: string; rows: readonly FileRow[] }) {
  const { t } = useTranslation();
  const ids = useId();
  const stateText = useStateText();
  return (
    <section className="card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('archiveIngest.filesTitle', { reference })}</h2>
      <ul className="plain-list ingest-files">
        {rows.map((row) => (
          <li key={row.key} className={`ingest-file ingest-file--${row.phase}`}>
            <p className="ingest-file__head">
              <bdi className="ingest-file__name">{row.name}</bdi>
              <span className="ingest-file__state">{stateText(row)}</span>
            </p>
            {row.phase === 'stored' || row.phase === 'refused' ? null : (
              <progress className="ingest-file__bar" max={1} value={row.progress} aria-label={t('archiveIngest.progressOf', { file: row.name })} aria-valuetext={stateText(row)} />
            )}
            {row.package ? (
              <p>
                {t('archiveIngest.storedAs')}{' '}
                <Link className="identifier" to={archivePaths.package(row.package)}>
                  {row.package}
                </Link>
                {row.pages !== null ? <span className="cell-note">{t('archiveIngest.pages', { pages: row.pages })}</span> : null}
              </p>
            ) : null}
            {row.refusal ? (
              <p className="alert alert--error" lang={row.refusal.language}>
                {row.refusal.message}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
