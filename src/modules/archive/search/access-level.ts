import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { AccessLevel } from '../schema.ts';

/**
 * Sets a package's access level, by the producing agency's archivist only (a National Archives
 * grant does not decide for another agency), with the reason in the audit trail.
 */
export async function setAccessLevel(db: Db, principal: Principal, context: ChangeContext, identifier: string, level: AccessLevel, reason: string): Promise<{ identifier: string; accessLevel: AccessLevel }> {
  return db.transaction().execute(async (trx) => {
    const pkg = await trx.selectFrom('archive_packages').select(['id', 'agency_id', 'access_level']).where('identifier', '=', identifier).where('state', '=', 'stored').forUpdate().executeTakeFirst();
    if (!pkg) throw notFound('archive_package', identifier);
    assertAllowed(principal, 'archive.manage', { agencyId: pkg.agency_id });
    if (pkg.access_level !== level) {
      await trx.updateTable('archive_packages').set({ access_level: level }).where('id', '=', pkg.id).execute();
      // Its texts carry the level the search filters on (migration 0035): changed in the same transaction.
      await trx.updateTable('archive_texts').set({ access_level: level }).where('package_id', '=', pkg.id).execute();
      await recordAudit(trx, context, {
        action: 'archive.access_level_set',
        recordType: 'archive_package',
        recordId: pkg.id,
        agencyId: pkg.agency_id,
        before: { accessLevel: pkg.access_level },
        after: { accessLevel: level },
        details: { identifier, reason },
      });
    }
    return { identifier, accessLevel: level };
  });
}
