import type { ColumnType } from 'kysely';

export interface ExchangeMessageLogTable {
  seq: number;
  logged_at: ColumnType<Date, Date, never>;
  message_id: string;
  direction: 'in' | 'out';
  kind: 'request' | 'response';
  peer: string;
  service: string;
  signature: string;
  body_digest: string;
  status: string;
  prev_hash: string;
  hash: string;
}

/** One row: the last sequence number and hash, locked by each writer to extend the chain in order. */
export interface ExchangeLogHeadTable {
  id: number;
  seq: number;
  hash: string;
  prev_hash: string;
}

export interface ExchangeLogTables {
  exchange_message_log: ExchangeMessageLogTable;
  exchange_log_head: ExchangeLogHeadTable;
}
