import type { Insertable } from 'kysely';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { ExchangeInboxTable } from './delivery-schema.ts';

export type InboxRow = Insertable<ExchangeInboxTable>;

export type SecondArrival = { kind: 'replay' } | { kind: 'retry'; status: number; body: unknown };

/**
 * A message id seen before is either a retry or a replay. A sender retrying signs its message
 * again (a new `created`, so a new signature) over the same caller and body: it gets the answer it
 * missed, and nothing takes effect twice. The same signature again is someone replaying captured
 * bytes, and a different body under a used id is no retry either: both are refused. The one
 * exception is the carrier handing over its own stored copy again (`redelivered`: NATS JetStream
 * after an acknowledgement lost, e.g. when the server restarts between the answer and the ack): the
 * very same signature then, yet no one replayed anything, and the sender still waits for its answer.
 */
export function secondArrival(
  first: Pick<InboxRow, 'client' | 'signature' | 'body_digest' | 'response_status' | 'response_body'>,
  again: { client: string; signature: string; bodyDigest: string; redelivered?: boolean },
): SecondArrival {
  const resigned = first.signature !== again.signature || again.redelivered === true;
  if (!resigned || first.client !== again.client || first.body_digest !== again.bodyDigest) return { kind: 'replay' };
  return { kind: 'retry', status: first.response_status, body: first.response_body };
}

export async function inboxEntry(db: Db | Trx, messageId: string) {
  return db.selectFrom('exchange_inbox').select(['client', 'signature', 'body_digest', 'response_status', 'response_body']).where('message_id', '=', messageId).executeTakeFirst();
}

/** Inbox rows outlive the replay window so a late retry (a dead letter replayed) still finds its answer. */
export async function pruneInbox(db: Db, retentionDays: number): Promise<number> {
  const result = await db.deleteFrom('exchange_inbox').where('received_at', '<', new Date(Date.now() - retentionDays * 86_400_000)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
