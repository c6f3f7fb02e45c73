import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../shell/PageHeading';

export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <div className="notice-page">
      <PageHeading>{t('notAllowed.title')}</PageHeading>
      <p>{t('notAllowed.body')}</p>
      <p>
        <Link to="/">{t('nav.backHome')}</Link>
      </p>
    </div>
  );
}
