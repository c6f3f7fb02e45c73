import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { useSignedInUser } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { AccessLevelControl } from './AccessLevelControl';
import { archiveApi, archivePaths } from './console';
import { useArchiveNames } from './names';
import { PackageEvents, PackageFiles } from './PackageContents';
import { RetentionPanel } from './RetentionPanel';
import { DescriptionCard, Identifier } from './Facts';
import { AccessLevelBadge } from './SearchResults';
import type { PackageRetention, PackageView } from './types';

/**
 * One package as its archivist keeps it: what it describes, its files with their hashes and the
 * state of each copy, its schedule and holds, its access level, and what happened to it (PREMIS).
 */
export function PackagePage() {
  const { t } = useTranslation();
  const { identifier = '' } = useParams();
  const view = useApiResource<PackageView>(archiveApi.package(identifier));
  const retention = useApiResource<PackageRetention>(archiveApi.retention(identifier));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const user = useSignedInUser();

  if (!view.data) {
    // Outside the reader's agencies, unknown, or malformed: the server answers alike, and so does the page.
    if (view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 400)) {
      return (
        <section className="stack">
          <h2>{t('archive.package.notFound')}</h2>
          <p>{t('archive.package.notFoundHint')}</p>
          <ul className="plain-list">
            <li>
              <Link to={archivePaths.record(identifier)}>{t('archive.package.asReader')}</Link>
            </li>
            <li>
              <Link to={archivePaths.packages}>{t('archive.package.back')}</Link>
            </li>
          </ul>
        </section>
      );
    }
    return view.error ? <ErrorAlert error={view.error} /> : <Loading />;
  }

  async function changed(message: string) {
    setAnnouncement(message);
    await Promise.all([view.reload(), retention.reload()]);
  }

  return (
    <article className="stack" aria-labelledby="archive-package-title">
      <p>
        <Link to={archivePaths.packages}>{t('archive.package.back')}</Link>
      </p>
      <h2 id="archive-package-title" dir="auto">
        {view.data.title}
      </h2>
      <StatusMessage tone="success" message={announcement} />
      <Description pkg={view.data} />
      <AccessLevelControl pkg={view.data} user={user} onChanged={changed} />
      <ErrorAlert error={retention.error} />
      {retention.data ? <RetentionPanel retention={retention.data} onChanged={changed} /> : retention.loading ? <Loading /> : null}
      <PackageFiles pkg={view.data} />
      <PackageEvents events={view.data.events} />
    </article>
  );
}

function Description({ pkg }: { pkg: PackageView }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  return (
    <DescriptionCard
      level={3}
      facts={[
        [t('archive.columns.identifier'), <Identifier value={pkg.identifier} />],
        [t('archive.columns.source'), <>{names.recordType(pkg.source.type)} <Identifier value={pkg.source.reference} /></>],
        [t('archive.columns.agency'), names.agency(pkg.agency)],
        [t('archive.columns.state'), names.packageState(pkg.state)],
        [t('archive.columns.storedAt'), pkg.storedAt ? <time dateTime={pkg.storedAt}>{formats.dateTime(pkg.storedAt)}</time> : '—'],
        [t('archive.columns.class'), <Identifier value={pkg.retentionClass} />],
        [t('archive.columns.accessLevel'), <AccessLevelBadge level={pkg.accessLevel} />],
      ]}
    />
  );
}
