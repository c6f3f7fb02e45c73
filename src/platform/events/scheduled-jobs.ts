import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { describeError } from './deliveries.ts';

export interface JobRegistration {
  name: string;
  everySeconds: number;
}

export interface ScheduledRun {
  jobName: string;
  /** The slot this run is for; slots are `interval` apart from the job's first run. */
  dueAt: Date;
}

/**
 * Declares the jobs this process knows. A new job is due at once; a known one keeps its schedule
 * across restarts, and a shortened interval takes effect from now rather than after the old one.
 */
export async function registerJobs(db: Db, jobs: readonly JobRegistration[]): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('scheduled_jobs')
    .values(jobs.map((j) => ({ name: j.name, interval_seconds: j.everySeconds, next_run_at: sql<Date>`now()` })))
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({
        interval_seconds: (eb) => eb.ref('excluded.interval_seconds'),
        next_run_at: sql<Date>`least(scheduled_jobs.next_run_at, now() + excluded.interval_seconds * interval '1 second')`,
      }),
    )
    .execute();
}

/**
 * Atomically takes every due job among `names`: one process wins each due slot. The next slot is
 * set now, on the job's grid (missed slots are skipped, not replayed in a burst after downtime),
 * and the lease keeps a long run from overlapping the next one.
 */
export async function claimDueJobs(db: Db, names: readonly string[], leaseMs: number): Promise<ScheduledRun[]> {
  if (names.length === 0) return [];
  const { rows } = await sql<{ name: string; due_at: Date }>`
    update scheduled_jobs as j
       set next_run_at = j.next_run_at
             + j.interval_seconds * (floor(extract(epoch from now() - j.next_run_at) / j.interval_seconds) + 1) * interval '1 second',
           locked_until = now() + ${leaseMs} * interval '1 millisecond'
      from (
        select name, next_run_at as due_at
          from scheduled_jobs
         where name in (${sql.join(names)})
           and next_run_at <= now()
           and (locked_until is null or locked_until < now())
           for update skip locked) as due
     where j.name = due.name
    returning j.name, due.due_at
  `.execute(db);
  return rows.map((r) => ({ jobName: r.name, dueAt: r.due_at }));
}

/** Settles a run; a failure is kept on the row for operators and the job simply runs at its next slot. */
export async function finishRun(db: Db, jobName: string, error?: unknown): Promise<void> {
  await db
    .updateTable('scheduled_jobs')
    .set((eb) => ({
      locked_until: null,
      last_run_at: sql<Date>`now()`,
      last_error: error === undefined ? null : describeError(error),
      run_count: eb('run_count', '+', 1),
    }))
    .where('name', '=', jobName)
    .execute();
}
