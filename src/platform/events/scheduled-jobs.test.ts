import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/db.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { createEventBus, type EventBus } from './bus.ts';
import type { ScheduledRun } from './scheduled-jobs.ts';
import { openSecondProcess, pause, recordingLogger } from './test-support.ts';

let handle: DatabaseHandle;
let second: DatabaseHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDatabase();
  second = await openSecondProcess(handle);
  db = handle.db;
});
afterAll(async () => {
  await second.close();
  await handle.close();
});
beforeEach(async () => {
  await db.deleteFrom('scheduled_jobs').execute();
});

/** Two processes running the same code: each schedules `job` every `everySeconds`. */
function twoProcesses(everySeconds: number, job: (process: 'a' | 'b', run: ScheduledRun) => Promise<void>) {
  const make = (process: 'a' | 'b') => {
    const bus = createEventBus({ logger: recordingLogger(), pollIntervalMs: 20 });
    bus.schedule('expire-unpaid-applications', everySeconds, (run) => job(process, run));
    return bus;
  };
  return { a: make('a'), b: make('b') };
}

const jobRow = () => db.selectFrom('scheduled_jobs').selectAll().where('name', '=', 'expire-unpaid-applications').executeTakeFirstOrThrow();

describe('scheduled jobs', () => {
  it('runs a due job in only one of two processes, then moves it to its next slot', async () => {
    const runs: { process: string; dueAt: number }[] = [];
    const { a, b } = twoProcesses(3600, async (process, run) => void runs.push({ process, dueAt: run.dueAt.getTime() }));
    await Promise.all([a.drain(db), b.drain(second.db), a.drain(db), b.drain(second.db)]);
    expect(runs).toHaveLength(1);
    const first = await jobRow();
    expect(first.next_run_at.getTime() - runs[0]!.dueAt).toBe(3600_000);
    expect(first).toMatchObject({ run_count: 1, locked_until: null, last_error: null });

    // The next slot comes round (pulled in, rather than waiting an hour): again exactly one run.
    await sql`update scheduled_jobs set next_run_at = next_run_at - interval '1 hour'`.execute(db);
    await Promise.all([a.drain(db), b.drain(second.db), a.drain(db), b.drain(second.db)]);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.dueAt).toBe(runs[0]!.dueAt);
    expect((await jobRow()).run_count).toBe(2);
  });

  it('skips slots missed while every process was down instead of running them in a burst', async () => {
    const runs: number[] = [];
    const { a } = twoProcesses(60, async (_, run) => void runs.push(run.dueAt.getTime()));
    await a.drain(db);
    await sql`update scheduled_jobs set next_run_at = next_run_at - interval '10 minutes 30 seconds'`.execute(db);
    const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db);
    await a.drain(db);
    expect(runs).toHaveLength(2);
    const next = (await jobRow()).next_run_at.getTime();
    // Still on the job's one-minute grid, and the first slot after now.
    expect((next - runs[1]!) % 60_000).toBe(0);
    expect(next).toBeGreaterThan(rows[0]!.now.getTime());
    expect(next - rows[0]!.now.getTime()).toBeLessThanOrEqual(60_000);
  });

  it('runs on its interval, once per slot, while two processes poll', async () => {
    const runs: { process: string; dueAt: number }[] = [];
    const { a, b } = twoProcesses(1, async (process, run) => void runs.push({ process, dueAt: run.dueAt.getTime() }));
    const buses: [EventBus, Db][] = [
      [a, db],
      [b, second.db],
    ];
    for (const [bus, on] of buses) bus.start(on);
    await pause(2500);
    await Promise.all([a.stop(), b.stop()]);
    const slots = runs.map((r) => r.dueAt);
    expect(new Set(slots).size).toBe(slots.length);
    expect(slots.length).toBeGreaterThanOrEqual(2);
    expect(slots.length).toBeLessThanOrEqual(3);
    const sorted = [...slots].sort((x, y) => x - y);
    // On the one-second grid (a slot is skipped, never doubled, if the machine stalls).
    for (let i = 1; i < sorted.length; i++) expect((sorted[i]! - sorted[i - 1]!) % 1000).toBe(0);
  });

  it('logs and records a failed run, which runs again at its next slot', async () => {
    const logger = recordingLogger();
    const bus = createEventBus({ logger });
    bus.schedule('reconcile-payments', 60, async () => {
      throw new Error('provider statement not yet available');
    });
    await bus.drain(db);
    const row = await db.selectFrom('scheduled_jobs').selectAll().where('name', '=', 'reconcile-payments').executeTakeFirstOrThrow();
    expect(row.last_error).toContain('provider statement not yet available');
    expect(row).toMatchObject({ run_count: 1, locked_until: null });
    expect(row.next_run_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', obj: expect.objectContaining({ job: 'reconcile-payments' }) })]);
  });

  it('keeps the schedule across restarts and applies a shortened interval from now', async () => {
    const first = createEventBus({ logger: recordingLogger() });
    first.schedule('purge-expired-sessions', 3600, async () => {});
    await first.drain(db);
    const afterFirst = await db.selectFrom('scheduled_jobs').selectAll().where('name', '=', 'purge-expired-sessions').executeTakeFirstOrThrow();

    const restarted = createEventBus({ logger: recordingLogger() });
    let ran = 0;
    restarted.schedule('purge-expired-sessions', 3600, async () => void ran++);
    await restarted.drain(db);
    expect(ran).toBe(0);
    expect((await db.selectFrom('scheduled_jobs').select('next_run_at').executeTakeFirstOrThrow()).next_run_at).toEqual(afterFirst.next_run_at);

    const shortened = createEventBus({ logger: recordingLogger() });
    shortened.schedule('purge-expired-sessions', 60, async () => {});
    await shortened.drain(db);
    const row = await db.selectFrom('scheduled_jobs').selectAll().executeTakeFirstOrThrow();
    expect(row.interval_seconds).toBe(60);
    expect(row.next_run_at.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
  });
});
