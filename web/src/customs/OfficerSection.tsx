import { useTranslation } from 'react-i18next';
import { NavLink, useRoutes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { CustomsQueuePage } from './CustomsQueuePage';
import { DeclarationPage } from './DeclarationPage';
import { OfficerActions } from './OfficerActions';
import { customsPaths } from './paths';
import { BorderPage } from '../passengers/BorderPage';
import { ManifestsPage } from './ManifestsPage';
import { ManifestPage } from './ManifestPage';
import { passengerPaths } from '../passengers/passengers';
import { LegacyImportRunPage } from './LegacyImportRunPage';
import { LegacyImportsPage, legacyPaths } from './LegacyImportsPage';
import '../backoffice/backoffice.css';
import './customs.css';

/** The customs officers' back office: the queues by channel, and each declaration with its inspection. */
export default function OfficerSection() {
  const { t } = useTranslation();
  const page = useRoutes([
    { index: true, element: <CustomsQueuePage /> },
    { path: 'border', element: <BorderPage /> },
    { path: 'legacy', element: <LegacyImportsPage /> },
    { path: 'legacy/:id', element: <LegacyImportRunPage /> },
    { path: 'manifests', element: <ManifestsPage /> },
    { path: 'manifests/:id', element: <ManifestPage /> },
    {
      path: 'declarations/:reference',
      element: (
        <DeclarationPage
          back={{ to: customsPaths.queue, label: t('customs.declaration.backToQueue') }}
          actions={(detail, reload) => <OfficerActions detail={detail} onChanged={reload} />}
        />
      ),
    },
    { path: '*', element: <NotFoundPage /> },
  ]);
  return (
    <>
      {/* The queues and the border post: the two places a customs officer works from. */}
      <nav aria-label={t('passengers.border.navLabel')}>
        <ul className="plain-list toolbar">
          <li>
            <NavLink end to={customsPaths.queue}>
              {t('passengers.border.navQueue')}
            </NavLink>
          </li>
          <li>
            <NavLink to={passengerPaths.border}>{t('passengers.border.nav')}</NavLink>
          </li>
          <li>
            <NavLink to={legacyPaths.imports}>{t('customs.legacy.nav')}</NavLink>
          </li>
          <li>
            <NavLink to={`${customsPaths.queue}/manifests`}>{t('customs.manifests.nav')}</NavLink>
          </li>
        </ul>
      </nav>
      {page}
    </>
  );
}
