import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { isolate } from '../i18n/languages';
import { useSignedInUser } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { DeclarationTable } from './DeclarationTable';
import { customsPaths } from './paths';
import type { DeclarationView } from './types';

/** The declarations where the company is declarant, importer or exporter, newest first. */
export function MyDeclarations() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const list = useApiResource<{ items: DeclarationView[] }>('/api/customs/declarations?limit=100');

  return (
    <div className="stack">
      <PageHeading>{t('sections.declarations.title')}</PageHeading>
      {user.company ? <p className="lead">{t('customs.mine.intro', { company: isolate(user.company.name) })}</p> : null}
      <p>
        <Link to={customsPaths.lodge} className="button">
          {t('customs.mine.lodge')}
        </Link>
      </p>
      <ErrorAlert error={list.error} />
      {!list.data ? (
        list.loading ? <Loading /> : null
      ) : (
        <DeclarationTable
          captionId="my-declarations-caption"
          caption={t('customs.mine.caption')}
          items={list.data.items}
          emptyMessage={t('customs.mine.empty')}
          pathOf={customsPaths.brokerDeclaration}
        />
      )}
    </div>
  );
}
