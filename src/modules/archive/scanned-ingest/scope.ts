import type { Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { forbiddenAgency, notFound } from '../../../platform/http/errors.ts';
import { agenciesInView, ARCHIVES_AGENCY } from '../access.ts';

/** The agencies an archivist ingests records of: their own agency's; every agency's for the National Archives (null). */
export const ingestScope = (db: Db, principal: Principal) => agenciesInView(db, principal, 'archive.ingest');

/**
 * Which agency ingests a batch of `creatorAgencyId`'s records: that agency's own archivists when the
 * principal is one, else the National Archives, whose archivists keep every agency's records.
 */
export async function ingestingAgency(db: Db, principal: Principal, creatorAgencyId: string): Promise<string> {
  const scope = await ingestScope(db, principal);
  const ownGrant = principal.grants.some((g) => g.role === 'archivist' && g.agencyId === creatorAgencyId);
  if (ownGrant) return creatorAgencyId;
  if (scope !== null) throw forbiddenAgency();
  const archives = await db.selectFrom('agencies').select('id').where('code', '=', ARCHIVES_AGENCY).executeTakeFirstOrThrow(() => notFound('agency', ARCHIVES_AGENCY));
  return archives.id;
}

/** A batch is seen by the archivists of the agency that ingests it and of the agency whose records it holds. */
export const batchInScope = (scope: string[] | null, batch: { agency_id: string; creator_agency_id: string }) =>
  scope === null || scope.includes(batch.agency_id) || scope.includes(batch.creator_agency_id);
