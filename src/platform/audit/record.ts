import type { Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import { entryHash, stateDigest, type ChainedEntry } from './chain.ts';
import { jsonb } from '../db/json.ts';

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
 * when the change does. The head row lock orders concurrent writers; call this last in the
 * transaction to hold it briefly.
 */
export async function recordAudit(trx: Transaction<Database>, context: ChangeContext, change: AuditChange): Promise<number> {
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Milliseconds, as stored and read back by both engines, so the hash recomputes identically.
  const occurredAt = new Date(Math.floor(Date.now()));
  const entry: ChainedEntry = {
    seq: head.seq + 1,
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
    prevHash: head.hash,
  };
  const hash = entryHash(entry);
  await trx
    .insertInto('audit_entries')
    .values({
      seq: entry.seq,
      occurred_at: occurredAt,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      agency_id: entry.agencyId,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId,
      before_digest: entry.beforeDigest,
      after_digest: entry.afterDigest,
      request_id: entry.requestId,
      ip: entry.ip,
      details: jsonb(entry.details),
      prev_hash: entry.prevHash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq: entry.seq, hash }).where('id', '=', 1).execute();
  return entry.seq;
}
