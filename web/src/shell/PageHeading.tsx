import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstPageShown = false;

/**
 * The page's single h1. It names the browser tab and, after an in-app navigation, takes the
 * focus so screen-reader and keyboard users start reading at the new page, not at the old link.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: children });
  }, [children, t]);

  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <h1 ref={heading} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
