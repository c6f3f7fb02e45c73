import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { isolate } from '../i18n/languages';
import { archiveSearchPath, verifyPath } from '../session/access';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from './ErrorAlert';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';

export function Layout() {
  const { t } = useTranslation();
  const { state } = useSession();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to="/" className="brand">
            <svg className="brand__emblem" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" />
              <path d="M8 24V12l8-5 8 5v12h-5v-7h-6v7z" />
            </svg>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__subtitle">{t('app.subtitle')}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            {state.status === 'signedIn' ? <SignedInUser name={state.user.displayName} /> : null}
          </div>
        </div>
        {state.status === 'signedIn' ? <Navigation user={state.user} /> : null}
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
          {/* Public pages, open without an account; spaced apart as touch targets (WCAG 2.2 SC 2.5.8). */}
          <ul className="actions site-footer__links">
            <li>
              <Link to={verifyPath}>{t('nav.verify')}</Link>
            </li>
            <li>
              <Link to={archiveSearchPath}>{t('nav.archiveSearch')}</Link>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}

function SignedInUser({ name }: { name: string }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function signOut() {
    setPending(true);
    setError(null);
    try {
      // The sign-in guard then takes the page to /login.
      await logout();
    } catch (failure) {
      setError(failure);
      setPending(false);
    }
  }

  return (
    <div className="signed-in-user">
      <span className="signed-in-user__name">{t('header.signedInAs', { name: isolate(name) })}</span>
      <button type="button" className="button button--secondary" disabled={pending} onClick={() => void signOut()}>
        {pending ? t('header.loggingOut') : t('header.logout')}
      </button>
      <ErrorAlert error={error} />
    </div>
  );
}
