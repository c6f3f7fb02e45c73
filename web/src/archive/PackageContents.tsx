import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { DataTable } from '../shell/DataTable';
import { archiveApi } from './console';
import { useArchiveNames } from './names';
import { FileCells } from './TableCells';
import type { PackageView, PremisEvent } from './types';

/** The package's files: where they sit in it, what they are, their SHA-256, and each copy's state per storage root. */
export function PackageFiles({ pkg }: { pkg: PackageView }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  const ids = useId();
  const stored = pkg.state === 'stored';
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('archive.files.title')}</h3>
      {stored ? null : <p className="field__hint">{t('archive.files.residue')}</p>}
      <DataTable
        captionId={`${ids}-caption`}
        caption={t('archive.files.caption', { count: formats.number(pkg.files.length) })}
        columns={[t('archive.columns.path'), t('archive.columns.role'), t('archive.columns.format'), t('archive.columns.size'), t('archive.columns.sha256'), t('archive.columns.copies'), t('archive.columns.file')]}
        rowCount={pkg.files.length}
        emptyMessage={t('archive.files.none')}
        dense
      >
        {pkg.files.map((file) => (
          <tr key={file.path}>
            <FileCells file={file} />
            <td>
              <code dir="ltr" className="archive-digest">
                {file.sha256}
              </code>
            </td>
            <td>
              {file.copies.length === 0 ? (
                t('archive.files.noCopies')
              ) : (
                <ul className="plain-list cell-list">
                  {file.copies.map((copy) => (
                    <li key={copy.root}>
                      {names.root(copy.root)} : <span className={`status archive-copy--${copy.state}`}>{names.copyState(copy.state)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              {stored ? (
                <a href={archiveApi.recordFile(pkg.identifier, file.path, true)} download={file.path.split('/').pop()}>
                  {t('archive.files.download')}
                  <span className="visually-hidden"> {file.path}</span>
                </a>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** What happened to the package and its files (PREMIS 3.0 events), newest first. */
export function PackageEvents({ events }: { events: readonly PremisEvent[] }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  const ids = useId();
  const newestFirst = [...events].reverse();
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('archive.events.title')}</h3>
      <DataTable
        captionId={`${ids}-caption`}
        caption={t('archive.events.caption', { count: formats.number(events.length) })}
        columns={[t('archive.columns.when'), t('archive.columns.event'), t('archive.columns.outcome'), t('archive.columns.detail'), t('archive.columns.agent'), t('archive.columns.file')]}
        rowCount={events.length}
        emptyMessage={t('archive.events.none')}
        dense
      >
        {newestFirst.map((event, index) => (
          <tr key={index} className={event.outcome === 'failure' ? 'archive-event--failure' : undefined}>
            <th scope="row">
              <time dateTime={event.at}>{formats.dateTime(event.at)}</time>
            </th>
            <td>
              {/* PREMIS's own vocabulary (id.loc.gov/vocabulary/preservation/eventType), as archivists know it. */}
              <span lang="en" dir="ltr">
                {event.type}
              </span>
            </td>
            <td>
              <span className={event.outcome === 'failure' ? 'status archive-failure' : 'status status--on'}>{names.outcome(event.outcome)}</span>
            </td>
            <td>
              <span dir="auto">{event.detail}</span>
            </td>
            <td>
              <bdi>{event.agent}</bdi>
            </td>
            <td>{event.file ? <code dir="ltr">{event.file}</code> : '—'}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
