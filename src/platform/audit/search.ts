import type { Db } from '../db/database.ts';

export interface AuditFilters {
  actorId?: string | undefined;
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  agencyId?: string | undefined;
  requestId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Return entries with seq below this one (keyset paging, newest first). */
  before?: number | undefined;
  limit: number;
}

export async function searchAudit(db: Db, filters: AuditFilters) {
  let query = db.selectFrom('audit_entries').selectAll().orderBy('seq', 'desc').limit(filters.limit);
  if (filters.actorId) query = query.where('actor_id', '=', filters.actorId);
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.recordType) query = query.where('record_type', '=', filters.recordType);
  if (filters.recordId) query = query.where('record_id', '=', filters.recordId);
  if (filters.agencyId) query = query.where('agency_id', '=', filters.agencyId);
  if (filters.requestId) query = query.where('request_id', '=', filters.requestId);
  if (filters.from) query = query.where('occurred_at', '>=', filters.from);
  if (filters.to) query = query.where('occurred_at', '<', filters.to);
  if (filters.before) query = query.where('seq', '<', filters.before);
  const rows = await query.execute();
  return rows.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    agencyId: row.agency_id,
    action: row.action,
    record: { type: row.record_type, id: row.record_id },
    beforeDigest: row.before_digest,
    afterDigest: row.after_digest,
    requestId: row.request_id,
    ip: row.ip,
    details: row.details,
    hash: row.hash,
  }));
}
