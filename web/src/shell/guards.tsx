import { Navigate, Outlet, useLocation } from 'react-router';
import { NotAllowedPage } from '../pages/NotAllowedPage';
import { canOpen, isStaff, type SectionId } from '../session/access';
import { useSession } from '../session/SessionContext';
import { Loading } from './Loading';

/** Pages behind sign-in: visitors are sent to the sign-in page and brought back afterwards. */
export function RequireSignedIn() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' || state.signedOut ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <Outlet />;
}

/** A section typed into the address bar by a role that cannot open it says so, plainly. */
export function RequireSection({ section }: { section: SectionId }) {
  const { state } = useSession();
  if (state.status !== 'signedIn' || !canOpen(state.user, section)) return <NotAllowedPage />;
  return <Outlet />;
}

export function RequireStaff() {
  const { state } = useSession();
  if (state.status !== 'signedIn' || !isStaff(state.user)) return <NotAllowedPage />;
  return <Outlet />;
}
