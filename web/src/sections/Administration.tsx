import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../session/SessionContext';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { ApiClients } from './administration/ApiClients';
import { StaffAccounts } from './administration/StaffAccounts';

const DeadLetters = lazy(() => import('./administration/DeadLetters'));
const Procedures = lazy(() => import('./administration/Procedures'));
const SigningKeys = lazy(() => import('./administration/SigningKeys'));

/**
 * Staff accounts, machine clients, the publication of procedures and the agencies' signing keys
 * for administrators; the outbox's dead letters for the platform's.
 */
export default function Administration() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  // The operations permission is national and held by platform administrators only (policy.ts).
  const operator = user.roles.some((assignment) => assignment.role === 'platform_admin');

  return (
    <div className="stack">
      <PageHeading>{t('sections.administration.title')}</PageHeading>
      <p className="lead">{t('administration.intro')}</p>
      <StaffAccounts />
      <ApiClients />
      <Suspense fallback={<Loading />}>
        <Procedures />
      </Suspense>
      <Suspense fallback={<Loading />}>
        <SigningKeys />
      </Suspense>
      {operator ? (
        <Suspense fallback={<Loading />}>
          <DeadLetters />
        </Suspense>
      ) : null}
    </div>
  );
}
