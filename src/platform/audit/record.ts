import { sql, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import { contentHash, stateDigest, type AuditContent } from './chain.ts';

/** Who did something, as the audit trail names them. */
export interface Actor {
  type: 'user' | 'api_client' | 'system' | 'anonymous';
  id: string | null;
  label: string;
}

/** What every state change carries from the request that caused it. */
export interface ChangeContext {
  actor: Actor;
  requestId: string | null;
  ip: string | null;
}

export interface AuditChange {
  action: string;
  recordType: string;
  recordId: string | null;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Small, non-secret facts worth reading later (never passwords, tokens or full documents). */
  details?: Record<string, unknown>;
}

export const systemContext = (label: string): ChangeContext => ({
  actor: { type: 'system', id: null, label },
  requestId: null,
  ip: null,
});

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry exists exactly
 * when the change does. One statement advances the head row — whose row lock orders concurrent
 * writers until they commit — and inserts the entry linked to the previous hash; the link is
 * `sha256(prev_hash ":" seq ":" content_hash)`, as `linkHash` in chain.ts computes it.
 * Call it last in the transaction so the head stays locked briefly.
 */
export async function recordAudit(trx: Transaction<Database>, context: ChangeContext, change: AuditChange): Promise<number> {
  const occurredAt = new Date();
  const content: AuditContent = {
    occurredAt: occurredAt.toISOString(),
    actorType: context.actor.type,
    actorId: context.actor.id,
    actorLabel: context.actor.label,
    agencyId: change.agencyId ?? null,
    action: change.action,
    recordType: change.recordType,
    recordId: change.recordId,
    beforeDigest: stateDigest(change.before),
    afterDigest: stateDigest(change.after),
    requestId: context.requestId,
    ip: context.ip,
    details: change.details ?? {},
  };
  const { rows } = await sql<{ seq: number }>`
    with head as (${advanceHead('audit_head', contentHash(content))})
    insert into audit_entries (seq, occurred_at, actor_type, actor_id, actor_label, agency_id, action, record_type,
                               record_id, before_digest, after_digest, request_id, ip, details, prev_hash, hash)
    select head.seq, ${occurredAt}, ${content.actorType}, ${content.actorId}, ${content.actorLabel}, ${content.agencyId},
           ${content.action}, ${content.recordType}, ${content.recordId}, ${content.beforeDigest}, ${content.afterDigest},
           ${content.requestId}, ${content.ip}, ${JSON.stringify(content.details)}::jsonb, head.prev_hash, head.hash
      from head
    returning seq`.execute(trx);
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error('the audit chain head is missing: run the migrations');
  return seq;
}


/**
 * The statement that moves the audit chain's one-row head on by one entry: its row lock orders
 * concurrent writers until they commit, and the new hash is `linkHash` (chain.ts) computed in
 * PostgreSQL. Used as a CTE (`head`) by the entry's insert. (The exchange message log links a whole
 * batch at once in application code: message-log.ts.)
 */
const advanceHead = (headTable: 'audit_head', contentHash: string) => sql`
      update ${sql.table(headTable)}
         set seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(convert_to(hash || ':' || (seq + 1)::text || ':' || ${contentHash}, 'UTF8')), 'hex')
       where id = 1
      returning seq, hash, prev_hash`;
