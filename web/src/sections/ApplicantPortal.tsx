import { useTranslation } from 'react-i18next';
import { NavLink, useRoutes } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ApplicationPage } from '../portal/ApplicationPage';
import { CataloguePage } from '../portal/CataloguePage';
import { portalPaths } from '../portal/definition';
import { MyApplications } from '../portal/MyApplications';
import { ServicePage } from '../portal/ServicePage';
import { TravelPage } from '../passengers/TravelPage';
import { passengerPaths } from '../passengers/passengers';
import '../portal/portal.css';

/**
 * The applicant portal: the catalogue of services, a service's page, my files and one file.
 * Its pages are routed here, under the section's path, so they load as one chunk with the
 * form library only for those who open the portal.
 */
export default function ApplicantPortal() {
  const { t } = useTranslation();
  const page = useRoutes([
    { index: true, element: <CataloguePage /> },
    { path: 'services/:procedureId', element: <ServicePage /> },
    { path: 'applications', element: <MyApplications /> },
    { path: 'applications/:applicationId', element: <ApplicationPage /> },
    { path: 'travel', element: <TravelPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
  return (
    <>
      <nav aria-label={t('portal.nav.label')} className="portal-nav">
        <ul className="plain-list portal-nav__list">
          <li>
            <NavLink end to={portalPaths.catalogue}>
              {t('portal.nav.catalogue')}
            </NavLink>
          </li>
          <li>
            <NavLink to={portalPaths.myFiles}>{t('portal.nav.myFiles')}</NavLink>
          </li>
          <li>
            <NavLink to={passengerPaths.travel}>{t('passengers.travel.nav')}</NavLink>
          </li>
        </ul>
      </nav>
      {page}
    </>
  );
}
