import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useRoutes, type RouteObject } from 'react-router';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { accountSecurityPath, archiveSearchPath, messagesPath, section, verifyPath, type SectionId } from './session/access';
import { RequireSection, RequireSignedIn, RequireStaff } from './shell/guards';
import { Layout } from './shell/Layout';
import { Loading } from './shell/Loading';
import { PageErrorBoundary } from './shell/PageErrorBoundary';

/**
 * Sections are separate chunks, fetched on first visit. They load from inside their guard
 * (React.lazy), so a role never downloads a section it cannot open. Declarative routing
 * (`useRoutes`) rather than a data router: the shell has no loaders or actions, and it keeps
 * about 16 kB gzip out of the first download.
 */
function page(load: () => Promise<{ default: ComponentType }>): ReactNode {
  const Page = lazy(load);
  return (
    <PageErrorBoundary>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </PageErrorBoundary>
  );
}

const sectionPages: Record<SectionId, ReactNode> = {
  applicant: page(() => import('./sections/ApplicantPortal')),
  backOffice: page(() => import('./sections/BackOffice')),
  finance: page(() => import('./sections/Finance')),
  administration: page(() => import('./sections/Administration')),
  exchange: page(() => import('./sections/Exchange')),
  archive: page(() => import('./sections/Archive')),
  audit: page(() => import('./sections/Audit')),
  customs: page(() => import('./customs/OfficerSection')),
  declarations: page(() => import('./customs/BrokerSection')),
  oversight: page(() => import('./oversight/OversightSection')),
};

/** Pages under a section's path, behind the same guard as its index. */
const sectionSubpages: Partial<Record<SectionId, RouteObject[]>> = {
  // The portal routes its own pages (sections/ApplicantPortal.tsx).
  applicant: [{ path: '*', element: sectionPages.applicant }],
  // So does the exchange console (sections/Exchange.tsx).
  exchange: [{ path: '*', element: sectionPages.exchange }],
  // So does the archive console (archive/ArchiveConsole.tsx).
  archive: [{ path: '*', element: sectionPages.archive }],
  // So do the customs screens (customs/OfficerSection.tsx, customs/BrokerSection.tsx).
  customs: [{ path: '*', element: sectionPages.customs }],
  declarations: [{ path: '*', element: sectionPages.declarations }],
  backOffice: [{ path: 'cases/:id', element: page(() => import('./backoffice/CasePage')) }],
  finance: [{ path: 'reconciliations/:id', element: page(() => import('./finance/ReconciliationReportPage')) }],
};

function sectionRoute(id: SectionId): RouteObject {
  return {
    path: section(id).path,
    element: <RequireSection section={id} />,
    children: [{ index: true, element: sectionPages[id] }, ...(sectionSubpages[id] ?? [])],
  };
}

const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      // Public: whoever holds a document checks it, without an account.
      { path: verifyPath, element: page(() => import('./verify/VerifyPage')) },
      // Public too: the archives' reading room and a public record (more, once signed in).
      { path: archiveSearchPath, element: page(() => import('./archive/PublicSearchPage')) },
      { path: `${section('archive').path}/records/:identifier`, element: page(() => import('./archive/RecordPage')) },
      {
        element: <RequireSignedIn />,
        children: [
          { index: true, element: <HomePage /> },
          sectionRoute('applicant'),
          sectionRoute('backOffice'),
          sectionRoute('finance'),
          sectionRoute('administration'),
          sectionRoute('exchange'),
          sectionRoute('archive'),
          // The scanned-records ingest (archive/ingest/), its own chunk behind the archive's guard.
          { path: `${section('archive').path}/ingest`, element: <RequireSection section="archive" />, children: [{ index: true, element: page(() => import('./archive/ingest/IngestPage')) }] },
          sectionRoute('audit'),
          sectionRoute('customs'),
          sectionRoute('declarations'),
          sectionRoute('oversight'),
          { path: messagesPath, element: page(() => import('./notifications/MyMessagesPage')) },
          {
            path: accountSecurityPath,
            element: <RequireStaff />,
            children: [{ index: true, element: page(() => import('./account/AccountSecurityPage')) }],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
