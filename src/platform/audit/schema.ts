import type { ColumnType } from 'kysely';

export interface AuditEntriesTable {
  seq: number;
  occurred_at: ColumnType<Date, Date, never>;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  agency_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  request_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, unknown, never>;
  prev_hash: string;
  hash: string;
}

/** One row: the last sequence number and hash, locked by each writer to extend the chain in order. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** The hash before the last append, so the appending statement can return it. */
  prev_hash: string;
}

export interface AuditTables {
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
}
