import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/db.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { createEventBus, type EventBus, type EventDelivery, type EventLogger } from './bus.ts';
import { gate, openSecondProcess, pause, recordingLogger, waitFor } from './test-support.ts';

interface Topics {
  'case.submitted': { caseId: string };
  'case.closed': { caseId: string };
}

let handle: DatabaseHandle;
let db: Db;
const running: EventBus<Topics>[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await Promise.all(running.splice(0).map((bus) => bus.stop()));
  await handle.close();
});
beforeEach(async () => {
  await Promise.all(running.splice(0).map((bus) => bus.stop()));
  await db.deleteFrom('event_deliveries').execute();
  await db.deleteFrom('outbox_events').execute();
});

function newBus(options: Partial<Parameters<typeof createEventBus>[0]> = {}) {
  const bus = createEventBus<Topics>({ logger: recordingLogger(), pollIntervalMs: 20, ...options });
  running.push(bus);
  return bus;
}

const submit = (bus: EventBus<Topics>, caseId: string, on: Db = db) =>
  on.transaction().execute((trx) => bus.emit(trx, 'case.submitted', { caseId }));

async function deliveryOf(eventId: number, subscriber: string) {
  return db.selectFrom('event_deliveries').selectAll().where('event_id', '=', eventId).where('subscriber', '=', subscriber).executeTakeFirstOrThrow();
}

describe('event bus', () => {
  it('never delivers an event whose transaction rolled back', async () => {
    const bus = newBus();
    const seen: unknown[] = [];
    bus.subscribe('case.submitted', 'notify', async (d) => void seen.push(d.payload));
    await expect(
      db.transaction().execute(async (trx) => {
        await bus.emit(trx, 'case.submitted', { caseId: 'c-1' });
        throw new Error('the case failed validation');
      }),
    ).rejects.toThrow('the case failed validation');
    await bus.drain(db);
    expect(seen).toEqual([]);
    expect(await db.selectFrom('outbox_events').select('id').execute()).toEqual([]);
  });

  it('delivers a committed event once to each subscriber of its topic, and to no one else', async () => {
    const bus = newBus();
    const seen: string[] = [];
    bus.subscribe('case.submitted', 'notify', async (d) => void seen.push(`notify ${d.payload.caseId} #${d.attempt}`));
    bus.subscribe('case.submitted', 'index', async (d) => void seen.push(`index ${d.payload.caseId} #${d.attempt}`));
    bus.subscribe('case.closed', 'archive', async (d) => void seen.push(`archive ${d.payload.caseId}`));
    const eventId = await submit(bus, 'c-2');
    await bus.drain(db);
    await bus.drain(db);
    expect(seen.sort()).toEqual(['index c-2 #1', 'notify c-2 #1']);
    const notify = await deliveryOf(eventId, 'notify');
    expect(notify).toMatchObject({ status: 'done', attempts: 1, locked_until: null, last_error: null });
    expect(notify.done_at).toBeInstanceOf(Date);
  });

  it('delivers every event exactly once per subscriber while two processes poll the same database', async () => {
    const second = await openSecondProcess(handle);
    try {
      const seen = new Map<string, number>();
      const workedIn = new Set<string>();
      const count = (process: string, who: string) => async (d: EventDelivery<{ caseId: string }>) => {
        await pause(Math.random() * 5); // let the two processes' claims interleave
        const key = `${who} ${d.eventId}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        workedIn.add(process);
      };
      const [a, b] = [newBus({ batchSize: 3 }), newBus({ batchSize: 3 })];
      for (const [process, bus] of [['a', a], ['b', b]] as const) {
        bus.subscribe('case.submitted', 'notify', count(process, 'notify'));
        bus.subscribe('case.submitted', 'index', count(process, 'index'));
      }
      a.start(db);
      b.start(second.db);
      const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => submit(i % 2 ? a : b, `c-${i}`, i % 2 ? db : second.db)));
      await waitFor(() => seen.size === 80);
      await Promise.all([a.stop(), b.stop()]);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      expect(workedIn).toEqual(new Set(['a', 'b']));
      expect(new Set([...seen.keys()])).toEqual(new Set(ids.flatMap((id) => [`notify ${id}`, `index ${id}`])));
      const pending = await db.selectFrom('event_deliveries').select('id').where('status', '!=', 'done').execute();
      expect(pending).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('wakes as soon as an event is emitted rather than at the next poll', async () => {
    const bus = newBus({ pollIntervalMs: 60_000 });
    const delivered = gate();
    bus.subscribe('case.submitted', 'notify', async () => delivered.open());
    bus.start(db);
    await pause(50); // the first, empty poll is over: the bus now sleeps for a minute
    const started = Date.now();
    await submit(bus, 'c-3');
    await delivered.opened;
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('retries a failing handler with backoff until it succeeds', async () => {
    const logger = recordingLogger();
    const bus = newBus({ logger, backoff: { baseMs: 300, capMs: 300, jitter: 'equal' }, random: () => 0 });
    const attempts: number[] = [];
    bus.subscribe('case.submitted', 'notify', async (d) => {
      attempts.push(d.attempt);
      if (d.attempt < 3) throw new Error(`mail server down (try ${d.attempt})`);
    });
    const eventId = await submit(bus, 'c-4');
    await bus.drain(db);
    const afterFirst = await deliveryOf(eventId, 'notify');
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
    expect(afterFirst.last_error).toContain('mail server down (try 1)');
    await bus.drain(db); // not due yet: the retry waits for its delay
    expect(attempts).toEqual([1]);

    bus.start(db);
    await waitFor(async () => (await deliveryOf(eventId, 'notify')).status === 'done');
    expect(attempts).toEqual([1, 2, 3]);
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => [l.obj.attempt, l.obj.retryInMs])).toEqual([
      [1, 150],
      [2, 150],
    ]);
  });

  it('keeps polling through a database failure, logs it and delivers once the database is back', async () => {
    const logger = recordingLogger();
    const bus = newBus({ logger });
    const delivered = gate();
    bus.subscribe('case.submitted', 'notify', async () => delivered.open());
    await submit(bus, 'c-5');
    await db.schema.alterTable('event_deliveries').renameTo('event_deliveries_offline').execute();
    try {
      bus.start(db);
      await waitFor(() => logger.lines.some((l) => l.level === 'error' && l.msg.includes('polling failed')));
    } finally {
      await db.schema.alterTable('event_deliveries_offline').renameTo('event_deliveries').execute();
    }
    await delivered.opened;
    await waitFor(() => logger.lines.some((l) => l.msg === 'event polling recovered'));
  });

  it('stop() resolves only after the handler in flight has finished and been recorded', async () => {
    const bus = newBus();
    const entered = gate();
    const release = gate();
    bus.subscribe('case.submitted', 'notify', async () => {
      entered.open();
      await release.opened;
    });
    bus.start(db);
    const eventId = await submit(bus, 'c-6');
    await entered.opened;
    let stopped = false;
    const stopping = bus.stop().then(() => (stopped = true));
    await pause(100);
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    expect((await deliveryOf(eventId, 'notify')).status).toBe('done');
  });

  it('drain() on a running bus waits for the delivery the background loop has already claimed', async () => {
    const bus = newBus();
    const entered = gate();
    const release = gate();
    bus.subscribe('case.submitted', 'notify', async () => {
      entered.open();
      await release.opened;
    });
    bus.start(db);
    const eventId = await submit(bus, 'c-7');
    await entered.opened;
    let drained = false;
    const draining = bus.drain(db).then(() => (drained = true));
    await pause(100);
    expect(drained).toBe(false);
    release.open();
    await draining;
    expect((await deliveryOf(eventId, 'notify')).status).toBe('done');
  });

  it('refuses a second subscriber of the same name on a topic, and registration once running', () => {
    const bus = newBus();
    bus.subscribe('case.submitted', 'notify', async () => {});
    expect(() => bus.subscribe('case.submitted', 'notify', async () => {})).toThrow(/already subscribes/);
    bus.start(db);
    expect(() => bus.subscribe('case.closed', 'archive', async () => {})).toThrow(/before the event bus starts/);
  });

  it('logs through a pino logger as it is', () => {
    const logger: EventLogger = pino({ level: 'silent' });
    expect(() => createEventBus({ logger })).not.toThrow();
  });
});
