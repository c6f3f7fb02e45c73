import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../shell/PageHeading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="notice-page">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('nav.backHome')}</Link>
      </p>
    </div>
  );
}
