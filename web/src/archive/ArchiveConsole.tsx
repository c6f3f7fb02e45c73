import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, useRoutes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useSignedInUser } from '../session/SessionContext';
import { PageHeading } from '../shell/PageHeading';
import { AccessRequestsPage } from './AccessRequestsPage';
import { archivePaths, consoleTabs, type ConsoleTab } from './console';
import { DispositionPage } from './DispositionPage';
import { FixityPage } from './FixityPage';
import { HoldsPage } from './HoldsPage';
import { PackagePage } from './PackagePage';
import { PackagesPage } from './PackagesPage';
import './archive.css';

const tabPaths: Record<ConsoleTab, string> = {
  packages: archivePaths.packages,
  holds: archivePaths.holds,
  disposition: archivePaths.disposition,
  accessRequests: archivePaths.accessRequests,
  fixity: archivePaths.fixity,
  ingest: archivePaths.ingest,
};

/**
 * The archivists' console: the packages (searched, with their files, events and schedule), legal
 * holds, the disposition review (the authority decides there too), access requests, the fixity
 * report, and the scanned-records ingest. Each is a page with its own address; the tabs shown are
 * those the user's roles open (src/platform/auth/policy.ts), the server deciding again every time.
 */
export default function ArchiveConsole() {
  const { t } = useTranslation();
  const tabs = consoleTabs(useSignedInUser());
  const first = tabs[0];
  const page = useRoutes([
    { index: true, element: first ? <Navigate to={tabPaths[first]} replace /> : <NotFoundPage /> },
    { path: 'packages', element: <PackagesPage /> },
    { path: 'packages/:identifier', element: <PackagePage /> },
    { path: 'holds', element: <HoldsPage /> },
    { path: 'disposition', element: <DispositionPage /> },
    { path: 'access-requests', element: <AccessRequestsPage /> },
    { path: 'fixity', element: <FixityPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
  return (
    <div className="stack">
      <PageHeading>{t('sections.archive.title')}</PageHeading>
      <p className="lead">{t('archive.console.intro')}</p>
      <nav aria-label={t('archive.console.tabs')} className="archive-nav">
        <ul className="plain-list archive-nav__list">
          {tabs.map((tab) => (
            <li key={tab}>
              <NavLink to={tabPaths[tab]}>{t(`archive.console.tab.${tab}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {page}
    </div>
  );
}
