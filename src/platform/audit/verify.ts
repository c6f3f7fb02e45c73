import type { Db } from '../db/database.ts';
import { ChainVerifier, type ChainVerdict } from './chain.ts';

const PAGE = 5000;

/** Recomputes the whole chain page by page (keyset on seq), reporting progress as it goes. */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number, total: number) => void): Promise<ChainVerdict> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_entries').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      const intact = verifier.push({
        seq: row.seq,
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
        prevHash: row.prev_hash,
        hash: row.hash,
      });
      if (!intact) return verifier.finish(undefined);
    }
    const last = rows.at(-1);
    if (!last) break;
    after = last.seq;
    onProgress?.(after, head?.seq ?? after);
  }
  return verifier.finish(head);
}
