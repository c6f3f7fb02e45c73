import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { linkHash } from './chain.ts';

const BATCH = 5000;

/**
 * Gives committed entries their place in the hash chain, oldest number first, and moves the head.
 * The head row's lock makes linkers (one per process, and `verify`) take turns; an entry whose
 * transaction has not committed is invisible here and is linked by a later run, so chain order is
 * the order entries became visible. Returns how many entries were linked.
 */
export async function linkAuditEntries(db: Db): Promise<number> {
  let linked = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const head = await sql<{ seq: string; hash: string }>`select seq::text, hash from audit_head where id = 1 for update`.execute(trx);
      const start = head.rows[0];
      if (!start) throw new Error('the audit chain head is missing: run the migrations');
      const pending = await trx
        .selectFrom('audit_entries')
        .select(['seq', 'content_hash'])
        .where('position', 'is', null)
        .orderBy('seq')
        .limit(BATCH)
        .execute();
      if (pending.length === 0) return 0;
      let position = Number(start.seq);
      let previous = start.hash;
      const links = pending.map((entry) => {
        if (entry.content_hash === null) throw new Error(`audit entry ${entry.seq} has no content hash`);
        position += 1;
        const link = { seq: entry.seq, position, prevHash: previous, hash: linkHash(previous, position, entry.content_hash) };
        previous = link.hash;
        return link;
      });
      const last = links.at(-1)!;
      await sql`
        update audit_entries as e
           set position = l.position, prev_hash = l.prev_hash, hash = l.hash
          from unnest(${links.map((l) => l.seq)}::bigint[], ${links.map((l) => l.position)}::bigint[],
                      ${links.map((l) => l.prevHash)}::text[], ${links.map((l) => l.hash)}::text[]) as l(seq, position, prev_hash, hash)
         where e.seq = l.seq`.execute(trx);
      await sql`update audit_head set seq = ${last.position}, prev_hash = ${last.prevHash}, hash = ${last.hash} where id = 1`.execute(trx);
      return links.length;
    });
    linked += batch;
    if (batch < BATCH) return linked;
  }
}
