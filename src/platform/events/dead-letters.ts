import { sql, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import { recordAudit, type ChangeContext } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { AppError, notFound } from '../http/errors.ts';

/** A delivery that used up its attempts, with what an operator needs to decide on a replay. */
export interface DeadLetter {
  id: number;
  eventId: number;
  topic: string;
  subscriber: string;
  attempts: number;
  lastError: string | null;
  payload: unknown;
  emittedAt: Date;
}

export interface DeadLetterQuery {
  limit?: number;
  /** Keyset paging: only letters with a larger id. */
  afterId?: number;
}

/** Dead letters, oldest first. */
export async function listDeadLetters(db: Db, query: DeadLetterQuery = {}): Promise<DeadLetter[]> {
  const rows = await db
    .selectFrom('event_deliveries as d')
    .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
    .select(['d.id', 'd.event_id', 'e.topic', 'd.subscriber', 'd.attempts', 'd.last_error', 'e.payload', 'e.created_at'])
    .where('d.status', '=', 'dead')
    .where('d.id', '>', query.afterId ?? 0)
    .orderBy('d.id')
    .limit(Math.min(Math.max(query.limit ?? 100, 1), 1000))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    topic: r.topic,
    subscriber: r.subscriber,
    attempts: r.attempts,
    lastError: r.last_error,
    payload: r.payload,
    emittedAt: r.created_at,
  }));
}

/**
 * Puts a dead letter back in the queue with a fresh set of attempts, audited in the same
 * transaction. The subscriber runs it again at its next poll.
 */
export async function replayDeadLetter(trx: Transaction<Database>, context: ChangeContext, deliveryId: number): Promise<void> {
  const delivery = await trx
    .selectFrom('event_deliveries')
    .select(['id', 'event_id', 'subscriber', 'status', 'attempts', 'last_error'])
    .where('id', '=', deliveryId)
    .forUpdate()
    .executeTakeFirst();
  if (!delivery) throw notFound('event_delivery', String(deliveryId));
  if (delivery.status !== 'dead') throw new AppError(409, 'event_delivery_not_dead', { id: deliveryId, status: delivery.status });
  await trx
    .updateTable('event_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()`, locked_until: null })
    .where('id', '=', deliveryId)
    .execute();
  await recordAudit(trx, context, {
    action: 'event.dead_letter_replayed',
    recordType: 'event_delivery',
    recordId: String(deliveryId),
    before: { status: 'dead', attempts: delivery.attempts, lastError: delivery.last_error },
    after: { status: 'pending', attempts: 0 },
    details: { eventId: delivery.event_id, subscriber: delivery.subscriber },
  });
}
