import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { SessionUser } from '../api/types';
import { accountSecurityPath, archiveSearchPath, isStaff, messagesPath, openSections, verifyPath } from '../session/access';

/** Only the sections the user's roles open; on a phone the list folds behind a Menu button. */
export function Navigation({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <nav className="site-nav" aria-label={t('nav.label')}>
      <div className="container">
        <button
          type="button"
          className="site-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
        >
          <span className="site-nav__toggle-icon" aria-hidden="true" />
          {t('header.menu')}
        </button>
        <ul id={listId} className="site-nav__list" data-open={open}>
          <li>
            <NavLink to="/" end className="site-nav__link">
              {t('nav.home')}
            </NavLink>
          </li>
          {openSections(user).map((section) => (
            <li key={section.id}>
              <NavLink to={section.path} className="site-nav__link">
                {t(`sections.${section.id}.title`)}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink to={verifyPath} className="site-nav__link">
              {t('nav.verify')}
            </NavLink>
          </li>
          <li>
            <NavLink to={archiveSearchPath} className="site-nav__link">
              {t('nav.archiveSearch')}
            </NavLink>
          </li>
          <li>
            <NavLink to={messagesPath} className="site-nav__link">
              {t('nav.messages')}
            </NavLink>
          </li>
          {isStaff(user) ? (
            <li>
              <NavLink to={accountSecurityPath} className="site-nav__link">
                {t('nav.accountSecurity')}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </div>
    </nav>
  );
}
