import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import type { ApplicationSummary } from '../applications/types';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSignedInUser } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { portalPaths } from './definition';

/** My files and, for a business account, every file of its company, newest change first. */
export function MyApplications() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const user = useSignedInUser();
  const files = useApiResource<{ items: ApplicationSummary[] }>('/api/applications');
  const items = [...(files.data?.items ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return (
    <div className="stack">
      <PageHeading>{t('portal.myFiles.title')}</PageHeading>
      {user.company ? <p className="lead">{t('portal.myFiles.companyIntro', { company: isolate(user.company.name) })}</p> : null}
      <ErrorAlert error={files.error} />
      {!files.data ? (
        files.loading ? <Loading /> : null
      ) : (
        <DataTable
          captionId="my-files-caption"
          caption={t('portal.myFiles.caption')}
          columns={[
            t('portal.myFiles.reference'),
            t('portal.myFiles.service'),
            t('portal.myFiles.state'),
            t('portal.myFiles.dueOn'),
            t('portal.myFiles.filedBy'),
            t('portal.myFiles.updatedAt'),
          ]}
          rowCount={items.length}
          emptyMessage={t('portal.myFiles.empty')}
        >
          {items.map((file) => (
            <tr key={file.id}>
              <td>
                <Link to={portalPaths.file(file.id)}>
                  {file.reference || t('portal.file.draftReference')}
                </Link>
              </td>
              <td>{file.procedureTitle[language]}</td>
              <td>
                {file.state === 'draft' ? t('portal.file.draft') : file.stateLabel[language]}
                {file.holder === 'applicant' && file.state !== 'draft' ? (
                  <span className="cell-note"> — {t('portal.myFiles.yourTurn')}</span>
                ) : null}
              </td>
              <td>{file.dueOn ? formats.day(file.dueOn) : '—'}</td>
              <td>
                {file.company ? (
                  <>
                    <span className="badge badge--company">{t('portal.myFiles.companyFile')}</span>{' '}
                    {file.applicant.id === user.id ? t('portal.myFiles.byYou') : file.applicant.label}
                  </>
                ) : (
                  t('portal.myFiles.byYou')
                )}
              </td>
              <td>{formats.dateTime(file.updatedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
