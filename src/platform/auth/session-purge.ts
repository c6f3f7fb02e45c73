import type { Db } from '../db/database.ts';
import { recordAudit, systemContext } from '../audit/record.ts';

/** Deletes sessions past their expiry (they are refused already); one audit entry per purge that removed any. */
export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    const purged = Number(result.numDeletedRows);
    if (purged > 0) {
      await recordAudit(trx, systemContext('session purge job'), { action: 'session.expired_purged', recordType: 'session', recordId: null, details: { purged } });
    }
    return purged;
  });
}
