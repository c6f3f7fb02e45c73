import { agencyScope, assertAllowed, type Permission, type Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';

/** The National Archives: its archivists keep every agency's records, so their grant reaches all packages. */
export const ARCHIVES_AGENCY = 'ARCHIVES';

/**
 * The agencies whose packages the principal may read (or act on under `permission`): null for all
 * (platform administrators, the National Archives' archivists), else the agencies its grants are for.
 */
export async function agenciesInView(db: Db, principal: Principal, permission: Extract<Permission, `archive.${string}`> = 'archive.read'): Promise<string[] | null> {
  assertAllowed(principal, permission);
  const scope = agencyScope(principal, permission);
  if (scope === null) return null;
  const archives = await db.selectFrom('agencies').select('id').where('code', '=', ARCHIVES_AGENCY).executeTakeFirst();
  return archives && scope.includes(archives.id) ? null : scope;
}
