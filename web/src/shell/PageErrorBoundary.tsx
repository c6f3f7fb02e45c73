import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';

/** Shown in place of a page that failed to load or render, with the header still usable. */
function PageUnavailable() {
  const { t } = useTranslation();
  return (
    <div className="notice-page">
      <PageHeading>{t('errors.title')}</PageHeading>
      <p className="alert alert--error" role="alert">
        {t('errors.section_unavailable')}
      </p>
    </div>
  );
}

/**
 * Catches a section chunk that failed to download (flaky mobile network, new deployment)
 * or a page that threw while rendering. React offers error boundaries only as classes.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageUnavailable /> : this.props.children;
  }
}
