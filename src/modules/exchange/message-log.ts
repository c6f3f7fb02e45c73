import { sql, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../../platform/db/database.ts';
import { walkChain, type ChainVerdict } from '../../platform/audit/chain.ts';
import { advanceHead } from '../../platform/audit/record.ts';
import { logChainVerifier, logContentHash, type LogContent } from './log-chain.ts';

export type LogRecord = Omit<LogContent, 'loggedAt'>;

/**
 * Appends one message to the log inside the caller's transaction, so a message is logged exactly
 * when its effect is committed. As recordAudit does, one statement advances the head row
 * (`advanceHead`) and inserts the entry linked to the previous hash. The log is itself the record of messages, so
 * appending to it writes no audit entry of its own.
 */
export async function appendMessageLog(trx: Transaction<Database>, record: LogRecord, loggedAt = new Date()): Promise<number> {
  const content: LogContent = { loggedAt: loggedAt.toISOString(), ...record };
  const { rows } = await sql<{ seq: number }>`
    with head as (${advanceHead('exchange_log_head', logContentHash(content))})
    insert into exchange_message_log (seq, logged_at, message_id, direction, kind, peer, service, signature, body_digest, status, prev_hash, hash)
    select head.seq, ${loggedAt}, ${content.messageId}, ${content.direction}, ${content.kind}, ${content.peer}, ${content.service},
           ${content.signature}, ${content.bodyDigest}, ${content.status}, head.prev_hash, head.hash
      from head
    returning seq`.execute(trx);
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error('the exchange log head is missing: run the migrations');
  return seq;
}

const PAGE = 5000;

/** Recomputes the whole log page by page (keyset on seq) and checks it ends at the head. */
export async function verifyMessageLog(db: Db, onProgress?: (checked: number, total: number) => void): Promise<ChainVerdict> {
  const head = await db.selectFrom('exchange_log_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const page = async (after: number) => {
    const rows = await db.selectFrom('exchange_message_log').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    return rows.map((row) => ({
      seq: row.seq,
      loggedAt: row.logged_at.toISOString(),
      messageId: row.message_id,
      direction: row.direction,
      kind: row.kind,
      peer: row.peer,
      service: row.service,
      signature: row.signature,
      bodyDigest: row.body_digest,
      status: row.status,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
  };
  return walkChain(logChainVerifier(), head, page, onProgress);
}
