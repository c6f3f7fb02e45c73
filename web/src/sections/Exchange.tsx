import { useTranslation } from 'react-i18next';
import { NavLink, useRoutes } from 'react-router';
import { AccessRightsPanel } from '../exchange/AccessRightsPanel';
import { consolePaths } from '../exchange/console';
import { MembersPanel } from '../exchange/MembersPanel';
import { OutboxPanel } from '../exchange/OutboxPanel';
import { ServicesPanel } from '../exchange/ServicesPanel';
import { TrafficPanel } from '../exchange/TrafficPanel';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PageHeading } from '../shell/PageHeading';
import '../exchange/exchange.css';

const tabs = [
  { path: consolePaths.members, label: 'exchange.nav.members', end: true },
  { path: consolePaths.services, label: 'exchange.nav.services', end: false },
  { path: consolePaths.accessRights, label: 'exchange.nav.accessRights', end: false },
  { path: consolePaths.traffic, label: 'exchange.nav.traffic', end: false },
  { path: consolePaths.outbox, label: 'exchange.nav.outbox', end: false },
] as const;

/**
 * The interconnection console: who takes part in the exchange with which keys, which services they
 * offer to whom, the messages that went through or were refused, and the asynchronous ones still
 * owed. Each part is a page of its own, so a link (or the Back button) leads straight to it.
 */
export default function Exchange() {
  const { t } = useTranslation();
  const page = useRoutes([
    { index: true, element: <MembersPanel /> },
    { path: 'services', element: <ServicesPanel /> },
    { path: 'access-rights', element: <AccessRightsPanel /> },
    { path: 'traffic', element: <TrafficPanel /> },
    { path: 'outbox', element: <OutboxPanel /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
  return (
    <div className="stack">
      <PageHeading>{t('sections.exchange.title')}</PageHeading>
      <p className="lead">{t('exchange.intro')}</p>
      <nav aria-label={t('exchange.nav.label')} className="exchange-nav">
        <ul className="plain-list exchange-nav__list">
          {tabs.map((tab) => (
            <li key={tab.path}>
              <NavLink end={tab.end} to={tab.path}>
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {page}
    </div>
  );
}
