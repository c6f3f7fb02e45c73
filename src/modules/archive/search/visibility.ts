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
  | { kind: 'signed_in'; restrictedAgencies: string[] | null; confidentialAgencies: string[]; granted: string[] };

export const PUBLIC_VIEWER: Viewer = { kind: 'public' };

export async function viewerOf(db: Db, principal: Principal): Promise<Viewer> {
  const restrictedAgencies = authorise(principal, 'archive.read').allowed ? await agenciesInView(db, principal) : [];
  const confidentialAgencies = principal.grants.filter((g) => g.role === 'archivist' && g.agencyId !== null).map((g) => g.agencyId as string);
  const userId = principal.kind === 'user' ? principal.id : null;
  // Read once per request: a search then tests a short list, not a subquery per matching text.
  const granted = userId === null ? [] : (await db.selectFrom('archive_access_requests').select('package_id').where('applicant_id', '=', userId).where('state', '=', 'granted').where('expires_at', '>', new Date()).execute()).map((r) => r.package_id);
  return { kind: 'signed_in', restrictedAgencies, confidentialAgencies, granted };
}

const within = (column: RawBuilder<unknown>, ids: string[] | null): RawBuilder<boolean> => {
  if (ids === null) return sql<boolean>`true`;
  if (ids.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${column} in (${sql.join(ids)})`;
};

/** The access rule on a row carrying a package's level, agency and id: a package (`p`) or one of its texts (`t`). */
function levelAllows(viewer: Viewer, row: 'p' | 't'): RawBuilder<boolean> {
  const level = sql.ref(`${row}.access_level`);
  if (viewer.kind === 'public') return sql<boolean>`${level} = 'public'`;
  const agency = sql.ref(`${row}.agency_id`);
  const granted = within(sql.ref(row === 'p' ? 'p.id' : 't.package_id'), viewer.granted);
  return sql<boolean>`(
    ${level} = 'public'
    or (${level} = 'restricted' and (${within(agency, viewer.restrictedAgencies)} or ${granted}))
    or (${level} = 'confidential' and ${within(agency, viewer.confidentialAgencies)})
  )`;
}

/**
 * The packages `viewer` may see, as a condition on `archive_packages p`: the access rule lives in
 * the query itself, so no later step can let a restricted row through (or count it in a facet).
 */
export const visibleTo = (viewer: Viewer): RawBuilder<boolean> => sql<boolean>`(p.state = 'stored' and ${levelAllows(viewer, 'p')})`;

/**
 * The same rule on `archive_texts t`, which carry their package's level and agency: only stored
 * packages have texts (written as the package is stored, deleted as it is destroyed).
 */
export const textVisibleTo = (viewer: Viewer): RawBuilder<boolean> => levelAllows(viewer, 't');

/** Whether `viewer` sees this restricted package only because an access request granted it (not through their own agencies). */
export function grantUsed(viewer: Viewer, pkg: { id: string; agency_id: string; access_level: string }): boolean {
  if (viewer.kind === 'public' || pkg.access_level !== 'restricted' || !viewer.granted.includes(pkg.id)) return false;
  return viewer.restrictedAgencies !== null && !viewer.restrictedAgencies.includes(pkg.agency_id);
}
