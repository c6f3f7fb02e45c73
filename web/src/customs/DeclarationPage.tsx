import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { isolate } from '../i18n/languages';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { AssessmentView } from './AssessmentView';
import { DeclarationItems } from './DeclarationItems';
import { DeclarationRecord } from './DeclarationRecord';
import { DeclarationSummary, PartiesAndTransport } from './DeclarationSummary';
import { AwaitingDocumentsBanner, DocumentChecks } from './DocumentChecks';
import { declarationApiPath } from './paths';
import { ReleaseStatus } from './ReleaseStatus';
import { RiskView } from './RiskView';
import type { DeclarationDetail } from './types';

interface DeclarationPageProps {
  back: { to: string; label: string };
  /** Said once on arrival (the declaration just lodged). */
  notice?: string | null;
  /** What the reader may do with it (an officer's inspection and rejection), given the declaration and a way to read it again. */
  actions?: (detail: DeclarationDetail, reload: () => Promise<void>) => ReactNode;
}

/**
 * One declaration, as its broker or a customs officer reads it. One the reader may not see is
 * answered like one that does not exist (the server says 404 for both), so a reference leaks nothing.
 */
export function DeclarationPage({ back, notice = null, actions }: DeclarationPageProps) {
  const { t } = useTranslation();
  const { reference = '' } = useParams();
  const detail = useApiResource<DeclarationDetail>(declarationApiPath(reference));
  const backLink = (
    <p>
      <Link to={back.to}>{back.label}</Link>
    </p>
  );

  if (!detail.data) {
    // A malformed reference is refused by the route's schema (400): to a person, a wrong address too.
    if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400)) return <NotFoundPage />;
    if (detail.error) {
      return (
        <div className="stack">
          {backLink}
          <PageHeading>{t('customs.declaration.unavailable')}</PageHeading>
          <ErrorAlert error={detail.error} />
        </div>
      );
    }
    return <Loading />;
  }

  const view = detail.data;
  return (
    <div className="stack">
      {backLink}
      <PageHeading>{t('customs.declaration.title', { reference: isolate(view.reference) })}</PageHeading>
      <StatusMessage message={notice} tone="success" />
      {/* A later reading failed: the page shows the last one it had, and says why it is not newer. */}
      <ErrorAlert error={detail.error} />
      <DeclarationSummary view={view} />
      <AwaitingDocumentsBanner view={view} />
      {actions?.(view, detail.reload)}
      <ReleaseStatus view={view} reload={detail.reload} />
      <RiskView risk={view.risk} />
      <AssessmentView assessment={view.assessment} />
      <DeclarationItems declaration={view.declaration} />
      <DocumentChecks checks={view.documentChecks} />
      <PartiesAndTransport view={view} />
      <DeclarationRecord detail={view} />
    </div>
  );
}
