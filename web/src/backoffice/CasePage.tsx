import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import type { ApplicationView } from '../applications/types';
import { isolate } from '../i18n/languages';
import { NotFoundPage } from '../pages/NotFoundPage';
import { section } from '../session/access';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { AttachmentList } from './AttachmentList';
import { CaseDocuments } from './CaseDocuments';
import { CaseActions } from './CaseActions';
import { CaseSummary } from './CaseSummary';
import { CommentForm } from './CommentForm';
import { definitionPath, type ProcedureDefinition } from '../portal/definition';
import { FormDataView } from './FormDataView';
import { Timeline } from './Timeline';
import './backoffice.css';

/**
 * One file as its officer works on it. A file the officer may not see is answered like one that
 * does not exist (the server says 404 for both), so its reference leaks nothing.
 */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const view = useApiResource<ApplicationView>(`/api/applications/${encodeURIComponent(id)}`);

  if (!view.data) {
    // A malformed id is refused by the route's schema (400): to a person, it is a wrong address too.
    if (view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 400)) return <NotFoundPage />;
    if (view.error) {
      return (
        <div className="stack">
          <PageHeading>{t('backOffice.case.unavailable')}</PageHeading>
          <ErrorAlert error={view.error} />
          <BackToQueue />
        </div>
      );
    }
    return <Loading />;
  }
  return <CaseFile view={view.data} onChanged={view.reload} />;
}

function BackToQueue() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={section('backOffice').path}>{t('backOffice.case.backToQueue')}</Link>
    </p>
  );
}

function CaseFile({ view, onChanged }: { view: ApplicationView; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  // Read against the version the file is pinned to: labels and states as the applicant saw them.
  const definition = useApiResource<ProcedureDefinition>(definitionPath(view.procedureId, view.procedureVersion));
  const ids = useId();

  return (
    <div className="stack case-file">
      <BackToQueue />
      <PageHeading>{t('backOffice.case.title', { reference: isolate(view.reference) })}</PageHeading>
      <CaseSummary view={view} />
      <CaseActions view={view} onChanged={onChanged} />
      {definition.error && !definition.data ? <ErrorAlert error={definition.error} /> : null}
      <section className="card stack" aria-labelledby={`${ids}-data`}>
        <h2 id={`${ids}-data`}>{t('backOffice.case.formData')}</h2>
        <FormDataView data={view.data} form={definition.data?.form ?? { layout: [], labels: {} }} />
      </section>
      <section className="card stack" aria-labelledby={`${ids}-attachments`}>
        <h2 id={`${ids}-attachments`}>{t('backOffice.attachments.title')}</h2>
        <AttachmentList applicationId={view.id} attachments={view.attachments} rules={definition.data?.attachments ?? []} />
      </section>
      {view.state !== 'draft' ? <CaseDocuments key={view.updatedAt} applicationId={view.id} /> : null}
      <section className="card stack" aria-labelledby={`${ids}-timeline`}>
        <h2 id={`${ids}-timeline`}>{t('backOffice.timeline.title')}</h2>
        <Timeline entries={view.timeline} states={definition.data?.workflow.states ?? []} />
        <CommentForm applicationId={view.id} onAdded={onChanged} />
      </section>
    </div>
  );
}
