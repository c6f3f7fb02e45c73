import { sql, type RawBuilder } from 'kysely';
import { authorise, type Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { agenciesInView } from '../access.ts';

/**
 * Who is reading, as far as access levels go. The public sees public packages only; a signed-in
 * reader also sees restricted packages of the agencies their archive grant covers (all for the
 * National Archives), confidential ones of the agencies they are the archivist of, and the
 * restricted packages an access request granted them, until it expires.
 */
export type Viewer =
  | { kind: 'public' }
  | { kind: 'signed_in'; userId: string | null; restrictedAgencies: string[] | null; confidentialAgencies: string[] };

export const PUBLIC_VIEWER: Viewer = { kind: 'public' };

export async function viewerOf(db: Db, principal: Principal): Promise<Viewer> {
  const restrictedAgencies = authorise(principal, 'archive.read').allowed ? await agenciesInView(db, principal) : [];
  const confidentialAgencies = principal.grants.filter((g) => g.role === 'archivist' && g.agencyId !== null).map((g) => g.agencyId as string);
  return { kind: 'signed_in', userId: principal.kind === 'user' ? principal.id : null, restrictedAgencies, confidentialAgencies };
}

const agencyIn = (agencies: string[] | null): RawBuilder<boolean> => {
  if (agencies === null) return sql<boolean>`true`;
  if (agencies.length === 0) return sql<boolean>`false`;
  return sql<boolean>`p.agency_id in (${sql.join(agencies)})`;
};

/**
 * The packages `viewer` may see, as a condition on `archive_packages p`: the access rule lives in
 * the query itself, so no later step can let a restricted row through (or count it in a facet).
 */
export function visibleTo(viewer: Viewer): RawBuilder<boolean> {
  const stored = sql<boolean>`p.state = 'stored'`;
  if (viewer.kind === 'public') return sql<boolean>`(${stored} and p.access_level = 'public')`;
  const granted = viewer.userId === null
    ? sql<boolean>`false`
    : sql<boolean>`exists (select 1 from archive_access_requests r where r.package_id = p.id and r.applicant_id = ${viewer.userId} and r.state = 'granted' and r.expires_at > now())`;
  return sql<boolean>`(${stored} and (
    p.access_level = 'public'
    or (p.access_level = 'restricted' and (${agencyIn(viewer.restrictedAgencies)} or ${granted}))
    or (p.access_level = 'confidential' and ${agencyIn(viewer.confidentialAgencies)})
  ))`;
}
