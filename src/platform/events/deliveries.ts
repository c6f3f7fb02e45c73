import { sql, type Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../db/database.ts';
import { jsonb } from '../db/json.ts';

/** A subscriber is known by its name within a topic; the pair picks the handler. */
export interface SubscriptionKey {
  topic: string;
  subscriber: string;
}

export interface ClaimedDelivery {
  id: number;
  eventId: number;
  topic: string;
  subscriber: string;
  /** 1 on the first try; counted when claimed, so a process dying mid-handler still uses one up. */
  attempt: number;
  payload: unknown;
}

/** Longest failure text kept on a delivery row: enough for a stack, not a whole response body. */
const MAX_ERROR_LENGTH = 4000;

/**
 * Writes the event and one pending delivery per subscriber in the caller's transaction: the event
 * exists exactly when the change that caused it commits (transactional outbox).
 */
export async function insertEvent(trx: Transaction<Database>, topic: string, payload: unknown, subscribers: readonly string[]): Promise<number> {
  if (subscribers.length === 0) {
    return (await trx.insertInto('outbox_events').values({ topic, payload: jsonb(payload) }).returning('id').executeTakeFirstOrThrow()).id;
  }
  // One round trip for the event and its deliveries: emits sit inside busy transactions.
  const { rows } = await sql<{ id: number }>`
    with event as (
      insert into outbox_events (topic, payload) values (${topic}, ${jsonb(payload)}) returning id
    ), deliveries as (
      insert into event_deliveries (event_id, subscriber)
      select event.id, subscriber from event, unnest(${sql.val(subscribers)}::text[]) as subscriber
    )
    select id from event`.execute(trx);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('the outbox did not return the new event');
  return id;
}

/**
 * Leases up to `limit` due deliveries for the given subscriptions in one statement. SKIP LOCKED lets
 * several processes claim side by side without waiting on or double-taking each other's rows; the
 * lease (`locked_until`) hands a delivery back if its process dies before settling it.
 */
export async function claimDueDeliveries(db: Db, keys: readonly SubscriptionKey[], limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  if (keys.length === 0) return [];
  const wanted = sql.join(keys.map((k) => sql`(${k.topic}::text, ${k.subscriber}::text)`));
  const { rows } = await sql<{ id: number; event_id: number; topic: string; subscriber: string; attempts: number; payload: unknown }>`
    update event_deliveries as d
       set attempts = d.attempts + 1,
           locked_until = now() + ${leaseMs} * interval '1 millisecond'
      from outbox_events as e
     where e.id = d.event_id
       and d.id in (
         select due.id
           from event_deliveries as due
           join outbox_events as ev on ev.id = due.event_id
          where due.status = 'pending'
            and due.next_attempt_at <= now()
            and (due.locked_until is null or due.locked_until < now())
            and (ev.topic, due.subscriber) in (${wanted})
          order by due.id
          limit ${limit}
            for update of due skip locked)
    returning d.id, d.event_id, e.topic, d.subscriber, d.attempts, e.payload
  `.execute(db);
  return rows
    .map((r) => ({ id: r.id, eventId: r.event_id, topic: r.topic, subscriber: r.subscriber, attempt: r.attempts, payload: r.payload }))
    .sort((a, b) => a.id - b.id);
}

export async function markDelivered(db: Db, id: number): Promise<void> {
  await db
    .updateTable('event_deliveries')
    .set({ status: 'done', done_at: sql<Date>`now()`, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export type FailureOutcome = { dead: true } | { dead: false; retryInMs: number };

/** Records a failed attempt: back to pending after the delay, or dead once attempts are used up. */
export async function markFailed(db: Db, id: number, error: unknown, outcome: FailureOutcome): Promise<void> {
  await db
    .updateTable('event_deliveries')
    .set({
      status: outcome.dead ? 'dead' : 'pending',
      locked_until: null,
      last_error: describeError(error),
      ...(outcome.dead ? {} : { next_attempt_at: sql<Date>`now() + ${outcome.retryInMs} * interval '1 millisecond'` }),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
