import { sql, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../../platform/db/database.ts';
import { walkChain, type ChainVerdict } from '../../platform/audit/chain.ts';
import { logChainVerifier, logContentHash, type LogContent } from './log-chain.ts';

export type LogRecord = Omit<LogContent, 'loggedAt'>;

/**
 * Appends messages to the log inside the caller's transaction, so a message is logged exactly when
 * its effect is committed. One statement does it all: it locks the head row (which orders
 * concurrent writers until they commit), links each entry to the previous one with `linkHash`
 * computed in PostgreSQL (a recursive walk down the batch), inserts them and moves the head. (The
 * audit trail instead links entries after commit, platform/audit/link.ts; here the writer batches
 * messages already, log-writer.ts, so the lock is taken once per batch.) The log is itself the
 * record of messages, so appending to it writes no audit entry of its own.
 */
export async function appendMessageLogs(executor: Db | Transaction<Database>, records: readonly LogRecord[], loggedAt = new Date()): Promise<void> {
  if (records.length === 0) return;
  const at = loggedAt.toISOString();
  const column = <K extends keyof LogRecord>(key: K) => records.map((r) => r[key]);
  const { rows } = await sql<{ seq: string }>`
    with recursive
    items as (
      select * from unnest(
        ${records.map((_r, i) => i + 1)}::int[], ${column('messageId')}::text[], ${column('direction')}::text[], ${column('kind')}::text[],
        ${column('peer')}::text[], ${column('service')}::text[], ${column('signature')}::text[], ${column('bodyDigest')}::text[],
        ${column('status')}::text[], ${records.map((r) => logContentHash({ loggedAt: at, ...r }))}::text[]
      ) as t(n, message_id, direction, kind, peer, service, signature, body_digest, status, content_hash)
    ),
    head as (select seq, hash from exchange_log_head where id = 1 for update),
    chain as (
      select 0 as n, head.seq as seq, ''::text as prev_hash, head.hash as hash from head
      union all
      select i.n, c.seq + 1, c.hash, encode(sha256(convert_to(c.hash || ':' || (c.seq + 1)::text || ':' || i.content_hash, 'UTF8')), 'hex')
        from chain c join items i on i.n = c.n + 1
    ),
    inserted as (
      insert into exchange_message_log (seq, logged_at, message_id, direction, kind, peer, service, signature, body_digest, status, prev_hash, hash)
      select c.seq, ${loggedAt}, i.message_id, i.direction, i.kind, i.peer, i.service, i.signature, i.body_digest, i.status, c.prev_hash, c.hash
        from chain c join items i on i.n = c.n
      returning seq
    ),
    last as (select seq, prev_hash, hash from chain where n = ${records.length})
    update exchange_log_head h set seq = last.seq, hash = last.hash, prev_hash = last.prev_hash
      from last where h.id = 1
    returning (select count(*) from inserted)::text as seq`.execute(executor);
  if (rows.length === 0) throw new Error('the exchange log head is missing: run the migrations');
}

export const appendMessageLog = (trx: Transaction<Database>, record: LogRecord, loggedAt = new Date()) => appendMessageLogs(trx, [record], loggedAt);

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
