import type { Db } from '../db/database.ts';
import { auditChainVerifier, walkChain, type ChainVerdict } from './chain.ts';
import { linkAuditEntries } from './link.ts';

const PAGE = 5000;

/**
 * Links what has committed (so the answer covers every entry written so far), then recomputes the
 * whole chain page by page in chain order (keyset on position), reporting progress as it goes.
 */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number, total: number) => void): Promise<ChainVerdict> {
  await linkAuditEntries(db);
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const page = async (after: number) => {
    const rows = await db.selectFrom('audit_entries').selectAll().where('position', '>', after).orderBy('position').limit(PAGE).execute();
    return rows.map((row) => ({
      seq: Number(row.position),
      occurredAt: row.occurred_at.toISOString(),
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorLabel: row.actor_label,
      agencyId: row.agency_id,
      action: row.action,
      recordType: row.record_type,
      recordId: row.record_id,
      beforeDigest: row.before_digest,
      afterDigest: row.after_digest,
      requestId: row.request_id,
      ip: row.ip,
      details: row.details,
      prevHash: row.prev_hash ?? '',
      hash: row.hash ?? '',
    }));
  };
  return walkChain(auditChainVerifier(), head, page, onProgress);
}
