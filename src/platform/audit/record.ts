import type { Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import { jsonb } from '../db/json.ts';
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
 * Writes one entry inside the caller's transaction, so the entry exists exactly when the change does.
 * It takes no shared lock: the entry gets its number from a sequence and stores its content hash;
 * the linker (link.ts) chains committed entries moments later. Writers therefore commit in parallel
 * instead of queueing on one head row until each commit is flushed.
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
  const row = await trx
    .insertInto('audit_entries')
    .values({
      occurred_at: occurredAt,
      actor_type: content.actorType,
      actor_id: content.actorId,
      actor_label: content.actorLabel,
      agency_id: content.agencyId,
      action: content.action,
      record_type: content.recordType,
      record_id: content.recordId,
      before_digest: content.beforeDigest,
      after_digest: content.afterDigest,
      request_id: content.requestId,
      ip: content.ip,
      details: jsonb(content.details),
      content_hash: contentHash(content),
      position: null,
      prev_hash: null,
      hash: null,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}
