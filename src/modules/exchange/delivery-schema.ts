import type { ColumnType, Generated } from 'kysely';

export type OutboxStatus = 'pending' | 'delivered' | 'refused' | 'dead';

/** Private keys this instance signs with for its own members (its agencies), sealed with the server key. */
export interface ExchangeLocalKeysTable {
  kid: string;
  member_id: string;
  sealed_private_key: string;
  created_at: Generated<Date>;
}

/** One row per request accepted: a second request with its message id is a replay or a retry. */
export interface ExchangeInboxTable {
  message_id: string;
  client: string;
  /** provider/code/version */
  service: string;
  signature: string;
  body_digest: string;
  response_status: number;
  /** The answer given, given again to a retry of the same message. */
  response_body: ColumnType<unknown, unknown, unknown>;
  received_at: Generated<Date>;
}

/** An asynchronous message owed to its provider until delivered (or refused, or dead). */
export interface ExchangeOutboxTable {
  message_id: string;
  client: string;
  provider: string;
  service_code: string;
  service_version: string;
  body: ColumnType<unknown, unknown, unknown>;
  represented_party: string | null;
  case_ref: string | null;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  /** When the last attempt left (for NATS: when JetStream stored it, the answer still to come). */
  last_attempt_at: Date | null;
  last_error: string | null;
  response_status: number | null;
  response_body: ColumnType<unknown, unknown, unknown> | null;
  created_at: Generated<Date>;
  delivered_at: Date | null;
}

export interface ExchangeDeliveryTables {
  exchange_local_keys: ExchangeLocalKeysTable;
  exchange_inbox: ExchangeInboxTable;
  exchange_outbox: ExchangeOutboxTable;
}
