import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { archiveApi, archivePaths } from './console';
import { useArchiveNames } from './names';
import { SignInToAsk } from './PublicSearchPage';
import { AccessRequestForm, MyAccessRequests } from './ReaderRequests';
import { DescriptionCard, Identifier } from './Facts';
import { AccessLevelBadge } from './SearchResults';
import { FileCells } from './TableCells';
import type { AccessRequest, ReadablePackage } from './types';
import './archive.css';

/**
 * One record as a reader sees it: its description and its files to download (each read is logged by
 * the server). A record the reader may not see answers like one that does not exist; a signed-in
 * reader who knows it is restricted asks for it here.
 */
export default function RecordPage() {
  const { identifier = '' } = useParams();
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  return <Record key={`${identifier}:${state.status}`} identifier={identifier} signedIn={state.status === 'signedIn'} />;
}

function Record({ identifier, signedIn }: { identifier: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const record = useApiResource<ReadablePackage>(archiveApi.record(identifier, signedIn));
  const back = (
    <p>
      <Link to={archivePaths.search}>{t('archive.public.backToSearch')}</Link>
    </p>
  );

  if (!record.data) {
    if (record.error instanceof ApiError && (record.error.status === 404 || record.error.status === 400)) {
      return (
        <div className="stack">
          <PageHeading>{t('archive.public.notVisible')}</PageHeading>
          <p>{t('archive.public.notVisibleBody', { identifier: isolate(identifier) })}</p>
          {signedIn ? <AskForRecord identifier={identifier} /> : <SignInToAsk next={archivePaths.record(identifier)} />}
          {back}
        </div>
      );
    }
    return record.error ? <ErrorAlert error={record.error} /> : <Loading />;
  }
  return (
    <div className="stack">
      <PageHeading>{record.data.title}</PageHeading>
      {back}
      <RecordDescription record={record.data} />
      <RecordFiles record={record.data} signedIn={signedIn} />
    </div>
  );
}

function AskForRecord({ identifier }: { identifier: string }) {
  const mine = useApiResource<{ items: AccessRequest[] }>(archiveApi.myAccessRequests);
  return (
    <>
      <MyAccessRequests resource={mine} only={identifier} />
      <AccessRequestForm identifier={identifier} onRequested={mine.reload} />
    </>
  );
}

function RecordDescription({ record }: { record: ReadablePackage }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  return (
    <DescriptionCard
      level={2}
      facts={[
        [t('archive.columns.identifier'), <Identifier value={record.identifier} />],
        [t('archive.columns.agency'), names.agency(record.agency)],
        [t('archive.columns.recordType'), names.recordType(record.recordType)],
        [t('archive.columns.storedAt'), record.storedAt ? <time dateTime={record.storedAt}>{formats.date(record.storedAt)}</time> : '—'],
        [t('archive.columns.accessLevel'), <AccessLevelBadge level={record.accessLevel} />],
      ]}
    />
  );
}

function RecordFiles({ record, signedIn }: { record: ReadablePackage; signedIn: boolean }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('archive.files.title')}</h2>
      <p className="field__hint">{t('archive.public.readsLogged')}</p>
      <DataTable
        captionId={`${ids}-caption`}
        caption={t('archive.files.caption', { count: formats.number(record.files.length) })}
        columns={[t('archive.columns.path'), t('archive.columns.role'), t('archive.columns.format'), t('archive.columns.size'), t('archive.columns.file')]}
        rowCount={record.files.length}
        emptyMessage={t('archive.files.none')}
      >
        {record.files.map((file) => (
          <tr key={file.path}>
            <FileCells file={file} />
            <td>
              <a href={archiveApi.recordFile(record.identifier, file.path, signedIn)} download={file.path.split('/').pop()}>
                {t('archive.files.download')}
                <span className="visually-hidden"> {file.path}</span>
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
