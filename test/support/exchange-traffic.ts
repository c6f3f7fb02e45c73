import { createHash } from 'node:crypto';
import type { Db } from '../../src/platform/db/database.ts';
import { jsonb } from '../../src/platform/db/json.ts';
import { appendMessageLogs, type LogRecord } from '../../src/modules/exchange/message-log.ts';
import { newMessageId } from '../../src/modules/exchange/message-id.ts';
import { OUTBOUND_TOPIC } from '../../src/modules/exchange/outbox.ts';
import type { OutboxStatus } from '../../src/modules/exchange/delivery-schema.ts';

/**
 * Traffic the console shows, written as the exchange writes it, for stories that must arrange what
 * no screen can: refusals from a misbehaving peer, a message its provider never took.
 */

export type LoggedMessage = Pick<LogRecord, 'direction' | 'kind' | 'peer' | 'service' | 'status'>;

/** Appends messages to the hash-chained log, as logged at `at`. */
export async function logMessages(db: Db, messages: readonly LoggedMessage[], at = new Date()): Promise<void> {
  const records = messages.map((message): LogRecord => {
    const digest = createHash('sha256').update(JSON.stringify(message)).digest('base64');
    return { ...message, messageId: newMessageId(at.getTime()), signature: `guichet=:${digest}:`, bodyDigest: `sha-256=:${digest}:` };
  });
  await db.transaction().execute((trx) => appendMessageLogs(trx, records, at));
}

export interface OutboxMessage {
  client: string;
  provider: string;
  service: string;
  version: string;
  status: OutboxStatus;
  attempts?: number;
  lastError?: string;
  createdAt?: Date;
}

/**
 * An asynchronous message in the outbox; a dead one also has the event delivery the bus gave up
 * on, as the exchange leaves it when its attempts are used up (the replay puts that one back).
 */
export async function outboxMessage(db: Db, message: OutboxMessage): Promise<string> {
  const createdAt = message.createdAt ?? new Date();
  const messageId = newMessageId(createdAt.getTime());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('exchange_outbox')
      .values({
        message_id: messageId,
        client: message.client,
        provider: message.provider,
        service_code: message.service,
        service_version: message.version,
        body: jsonb({ reference: 'TEST-1' }),
        status: message.status,
        attempts: message.attempts ?? 0,
        last_error: message.lastError ?? null,
        created_at: createdAt,
        delivered_at: message.status === 'delivered' ? createdAt : null,
      })
      .execute();
    if (message.status !== 'dead') return;
    const event = await trx.insertInto('outbox_events').values({ topic: OUTBOUND_TOPIC, payload: jsonb({ messageId }) }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('event_deliveries')
      .values({ event_id: event.id, subscriber: 'exchange.deliver', status: 'dead', attempts: message.attempts ?? 8, last_error: message.lastError ?? null })
      .execute();
  });
  return messageId;
}
