import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/db.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { pruneDeliveredEvents } from './prune.ts';

let handle: DatabaseHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await db.deleteFrom('event_deliveries').execute();
  await db.deleteFrom('outbox_events').execute();
});

const DAY = 86_400_000;
const now = new Date('2026-11-23T12:00:00Z');

/** An event emitted `ageDays` ago with one delivery per given status. */
async function eventWith(ageDays: number, statuses: ('pending' | 'done' | 'dead')[]) {
  const { id } = await db
    .insertInto('outbox_events')
    .values({ topic: 'application.state_changed', payload: JSON.stringify({ n: ageDays }), created_at: new Date(now.getTime() - ageDays * DAY) })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [index, status] of statuses.entries()) {
    await db.insertInto('event_deliveries').values({ event_id: id, subscriber: `s${index}`, status }).execute();
  }
  return Number(id);
}

const remaining = async () => (await db.selectFrom('outbox_events').select('id').orderBy('id').execute()).map((r) => Number(r.id));

describe('pruning the outbox', () => {
  it('removes old events delivered to every subscriber, with their deliveries, and nothing else', async () => {
    const oldDone = await eventWith(40, ['done', 'done']);
    const oldPending = await eventWith(40, ['done', 'pending']);
    const oldDead = await eventWith(40, ['dead']);
    const recentDone = await eventWith(3, ['done']);
    const oldWithoutSubscribers = await eventWith(40, []);

    expect(await pruneDeliveredEvents(db, 30, now)).toBe(2);

    expect(await remaining()).toEqual([oldPending, oldDead, recentDone]);
    expect(await remaining()).not.toContain(oldDone);
    expect(await remaining()).not.toContain(oldWithoutSubscribers);
    const deliveries = await db.selectFrom('event_deliveries').select('event_id').execute();
    expect(new Set(deliveries.map((d) => Number(d.event_id)))).toEqual(new Set([oldPending, oldDead, recentDone]));
  });

  it('does nothing when every event is recent', async () => {
    await eventWith(1, ['done']);
    expect(await pruneDeliveredEvents(db, 30, now)).toBe(0);
    expect(await remaining()).toHaveLength(1);
  });
});
