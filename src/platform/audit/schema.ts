import type { ColumnType } from 'kysely';

export interface AuditEntriesTable {
  /** The entry's number, from a sequence at insert: the order readers page in. */
  seq: ColumnType<number, number | undefined, never>;
  /** Its place in the hash chain, set by the linker once its transaction has committed. */
  position: number | null;
  /** sha256 of the entry's canonical content, stored so the linker need not read the content. */
  content_hash: string | null;
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
  prev_hash: string | null;
  hash: string | null;
}

/** One row: the last chain position and hash, locked by the linker to extend the chain in order. */
export interface AuditHeadTable {
  id: number;
  /** The last chain position (not an entry's seq). */
  seq: number;
  hash: string;
  /** The hash before the last append. */
  prev_hash: string;
}

export interface AuditTables {
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
}
