import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { useSession } from '../session/SessionContext';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { archiveApi, archivePaths } from './console';
import { AccessRequestForm, MyAccessRequests } from './ReaderRequests';
import { SearchPanel } from './SearchPanel';
import type { AccessRequest } from './types';
import './archive.css';

/**
 * The archives' reading room (`/archive/search`), open without an account: the public finds the
 * public records (GET /api/public/archive/search answers anyone, metered); a signed-in person also
 * finds what they may read, and asks for a restricted record they know of.
 */
export default function PublicSearchPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  const signedIn = state.status === 'signedIn';
  return (
    <div className="stack">
      <PageHeading>{t('archive.public.title')}</PageHeading>
      <p className="lead">{signedIn ? t('archive.public.introSignedIn') : t('archive.public.intro')}</p>
      <SearchPanel endpoint={signedIn ? '/api/archive/search' : '/api/public/archive/search'} hitPath={archivePaths.record} />
      {signedIn ? <ReaderDesk /> : <SignInToAsk next={archivePaths.search} />}
    </div>
  );
}

/** A signed-in reader's requests, and a new one by the record's identifier. */
function ReaderDesk() {
  const mine = useApiResource<{ items: AccessRequest[] }>(archiveApi.myAccessRequests);
  return (
    <>
      <AccessRequestForm onRequested={mine.reload} />
      <MyAccessRequests resource={mine} />
    </>
  );
}

export function SignInToAsk({ next }: { next: string }) {
  const { t } = useTranslation();
  return (
    <p className="alert alert--info">
      {t('archive.public.signInToAsk')} <Link to={`/login?next=${encodeURIComponent(next)}`}>{t('archive.public.signIn')}</Link>
    </p>
  );
}
