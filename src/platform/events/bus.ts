import type { Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../db/database.ts';
import { retryDelayMs, type BackoffPolicy } from './backoff.ts';
import { claimDueDeliveries, insertEvent, markDelivered, markFailed, type ClaimedDelivery, type SubscriptionKey } from './deliveries.ts';
import { claimDueJobs, finishRun, registerJobs, type ScheduledRun } from './scheduled-jobs.ts';

/** Topic name → payload type (an interface works too). Payloads travel as JSON, so keep them to plain data. */
export type TopicMap = Record<string, unknown>;

/**
 * What a subscriber receives. Delivery is at least once: a handler may see the same event again
 * (a retry after its commit was lost, a lease that ran out), so it must be idempotent, with
 * `eventId` as the dedup key (e.g. a unique column, or `insert … on conflict do nothing`).
 */
export interface EventDelivery<P = unknown> {
  eventId: number;
  topic: string;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
}

export type EventHandler<P = unknown> = (delivery: EventDelivery<P>) => Promise<void>;
export type JobHandler = (run: ScheduledRun) => Promise<void>;

export interface SubscribeOptions {
  /** Tries before the delivery is parked as a dead letter for an operator to replay. */
  maxAttempts?: number;
  /** This subscriber's own retry schedule (an exchange peer's outage is not a database's). */
  backoff?: BackoffPolicy;
}

/** The slice of pino the bus logs through. */
export interface EventLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface EventBusOptions {
  logger: EventLogger;
  /** Idle wait between polls. */
  pollIntervalMs?: number;
  /** Deliveries leased per poll; they run concurrently. */
  batchSize?: number;
  /** How long a claimed delivery or job run stays reserved; a handler running longer may be run again elsewhere. */
  leaseMs?: number;
  backoff?: BackoffPolicy;
  defaultMaxAttempts?: number;
  random?: () => number;
}

export interface EventBus<T extends object = TopicMap> {
  /**
   * Registers a subscriber before `start`. `emit` writes one delivery per subscriber registered in
   * the emitting process, so every process must register the same subscribers (the same code).
   */
  subscribe<K extends keyof T & string>(topic: K, subscriber: string, handler: EventHandler<T[K]>, options?: SubscribeOptions): void;
  schedule(jobName: string, everySeconds: number, handler: JobHandler): void;
  /** Records the event and its deliveries in `trx`; nothing is delivered unless `trx` commits. */
  emit<K extends keyof T & string>(trx: Transaction<Database>, topic: K, payload: T[K]): Promise<number>;
  /** Polls in the background until `stop()`. */
  start(db: Db): void;
  /** Runs everything due now, until nothing is left; for tests and the CLI. */
  drain(db: Db): Promise<void>;
  /** Stops polling and resolves once the handlers already running have settled. */
  stop(): Promise<void>;
}

interface Subscription extends SubscriptionKey {
  handler: EventHandler;
  maxAttempts: number;
  backoff: BackoffPolicy;
}

interface Job {
  name: string;
  everySeconds: number;
  handler: JobHandler;
}

const DEFAULTS = {
  pollIntervalMs: 200,
  batchSize: 20,
  leaseMs: 5 * 60_000,
  backoff: { baseMs: 1000, capMs: 60 * 60_000, jitter: 'equal' } satisfies BackoffPolicy,
  defaultMaxAttempts: 10,
};
/** Longest wait between polls while the database keeps failing. */
const MAX_OUTAGE_WAIT_MS = 10_000;
/**
 * After an emit, the emitting transaction usually commits a few milliseconds later; on a server its
 * rows are invisible to the poller until then. A few quick re-polls catch it without waiting a full
 * interval (on PGlite the poll simply queues behind the transaction for the one connection).
 */
/** How often the polling loop asks for due scheduled jobs. */
const JOB_CHECK_MS = 1000;
const WAKE_REPOLLS = 3;
const WAKE_REPOLL_MS = 15;

const keyOf = (topic: string, subscriber: string) => `${topic}\u0000${subscriber}`;

export function createEventBus<T extends object = TopicMap>(options: EventBusOptions): EventBus<T> {
  const { logger } = options;
  const settings = {
    pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
    backoff: options.backoff ?? DEFAULTS.backoff,
    defaultMaxAttempts: options.defaultMaxAttempts ?? DEFAULTS.defaultMaxAttempts,
  };
  const random = options.random ?? Math.random;
  const subscriptions = new Map<string, Subscription>();
  const subscribersByTopic = new Map<string, string[]>();
  const jobs = new Map<string, Job>();
  let jobsRegisteredIn = new WeakSet<Db>();

  let loop: Promise<void> | undefined;
  let running = false;
  let backgroundPoll: Promise<boolean> | undefined;
  let wakeRepolls = 0;
  let interruptSleep: (() => void) | undefined;

  function assertConfiguring(what: string) {
    if (running) throw new Error(`${what} must be registered before the event bus starts`);
  }

  async function deliver(db: Db, claimed: ClaimedDelivery): Promise<void> {
    const subscription = subscriptions.get(keyOf(claimed.topic, claimed.subscriber));
    // The claim only selects registered pairs, so this is a programming error, not data.
    if (!subscription) throw new Error(`no handler for ${claimed.topic} / ${claimed.subscriber}`);
    const context = { deliveryId: claimed.id, eventId: claimed.eventId, topic: claimed.topic, subscriber: claimed.subscriber, attempt: claimed.attempt };
    let failure: { error: unknown } | undefined;
    try {
      await subscription.handler({ eventId: claimed.eventId, topic: claimed.topic, payload: claimed.payload, attempt: claimed.attempt });
    } catch (error) {
      failure = { error };
    }
    // A failure to settle (database gone) leaves the lease to expire: the delivery runs again later.
    try {
      if (!failure) {
        await markDelivered(db, claimed.id);
      } else if (claimed.attempt >= subscription.maxAttempts) {
        logger.error({ ...context, err: failure.error }, 'event handler failed on its last attempt; delivery is now a dead letter');
        await markFailed(db, claimed.id, failure.error, { dead: true });
      } else {
        const retryInMs = retryDelayMs(claimed.attempt, subscription.backoff, random);
        logger.warn({ ...context, err: failure.error, retryInMs }, 'event handler failed; will retry');
        await markFailed(db, claimed.id, failure.error, { dead: false, retryInMs });
      }
    } catch (error) {
      logger.error({ ...context, err: error }, 'could not record the outcome of an event delivery; it will run again when its lease ends');
    }
  }

  async function runJob(db: Db, run: ScheduledRun): Promise<void> {
    const job = jobs.get(run.jobName);
    if (!job) throw new Error(`no handler for scheduled job ${run.jobName}`);
    let failure: unknown;
    try {
      await job.handler(run);
    } catch (error) {
      failure = error ?? new Error('job failed');
      logger.error({ job: run.jobName, dueAt: run.dueAt, err: error }, 'scheduled job failed; it runs again at its next slot');
    }
    try {
      await finishRun(db, run.jobName, failure);
    } catch (error) {
      logger.error({ job: run.jobName, err: error }, 'could not record the outcome of a scheduled job');
    }
  }

  /** One claim-and-run round; true when it found work, so the caller polls again at once. */
  let jobsCheckedAt = 0;

  /**
   * One round: claim due deliveries, and due jobs when `jobsToo` (jobs are counted in whole seconds,
   * so the loop asks for them at most once a second, however often emits wake it up).
   */
  async function pollOnce(db: Db, jobsToo = true): Promise<boolean> {
    if (jobs.size > 0 && !jobsRegisteredIn.has(db)) {
      await registerJobs(db, [...jobs.values()].map((j) => ({ name: j.name, everySeconds: j.everySeconds })));
      jobsRegisteredIn.add(db);
    }
    const deliveries = await claimDueDeliveries(db, [...subscriptions.values()], settings.batchSize, settings.leaseMs);
    const runs = jobsToo && jobs.size > 0 ? await claimDueJobs(db, [...jobs.keys()], settings.leaseMs) : [];
    if (jobsToo) jobsCheckedAt = Date.now();
    await Promise.all([...deliveries.map((d) => deliver(db, d)), ...runs.map((r) => runJob(db, r))]);
    return deliveries.length + runs.length > 0;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interruptSleep = undefined;
        resolve();
      }
      interruptSleep = done;
    });
  }

  async function pollUntilStopped(db: Db): Promise<void> {
    let failures = 0;
    while (running) {
      let foundWork = false;
      try {
        backgroundPoll = pollOnce(db, Date.now() - jobsCheckedAt >= JOB_CHECK_MS);
        foundWork = await backgroundPoll;
        if (failures > 0) logger.info({ failures }, 'event polling recovered');
        failures = 0;
      } catch (error) {
        failures += 1;
        logger.error({ err: error, failures }, 'event polling failed; retrying');
      } finally {
        backgroundPoll = undefined;
      }
      if (!running) break;
      if (foundWork) continue;
      if (failures > 0) await sleep(Math.min(settings.pollIntervalMs * 2 ** Math.min(failures, 16), MAX_OUTAGE_WAIT_MS));
      else if (wakeRepolls > 0) {
        wakeRepolls -= 1;
        await sleep(WAKE_REPOLL_MS);
      } else await sleep(settings.pollIntervalMs);
    }
  }

  return {
    subscribe(topic, subscriber, handler, subscribeOptions = {}) {
      assertConfiguring(`subscriber ${subscriber}`);
      const key = keyOf(topic, subscriber);
      if (subscriptions.has(key)) throw new Error(`${subscriber} already subscribes to ${topic}`);
      const maxAttempts = subscribeOptions.maxAttempts ?? settings.defaultMaxAttempts;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be an integer >= 1');
      // The handler is typed by topic at this boundary; inside, payloads are what the table holds.
      subscriptions.set(key, { topic, subscriber, handler: handler as EventHandler, maxAttempts, backoff: subscribeOptions.backoff ?? settings.backoff });
      subscribersByTopic.set(topic, [...(subscribersByTopic.get(topic) ?? []), subscriber]);
    },

    schedule(jobName, everySeconds, handler) {
      assertConfiguring(`job ${jobName}`);
      if (jobs.has(jobName)) throw new Error(`job ${jobName} is already scheduled`);
      if (!Number.isInteger(everySeconds) || everySeconds < 1) throw new RangeError('everySeconds must be an integer >= 1');
      jobs.set(jobName, { name: jobName, everySeconds, handler });
      jobsRegisteredIn = new WeakSet(); // the new job must reach the table before the next claim
    },

    async emit(trx, topic, payload) {
      const id = await insertEvent(trx, topic, payload, subscribersByTopic.get(topic) ?? []);
      if (running) {
        wakeRepolls = WAKE_REPOLLS;
        interruptSleep?.();
      }
      return id;
    },

    start(db) {
      if (running) throw new Error('the event bus is already running');
      running = true;
      loop = pollUntilStopped(db);
    },

    async drain(db) {
      // A delivery the background loop has claimed is leased, so this caller's own poll would skip it:
      // wait for that round too, until neither side finds work.
      for (;;) {
        const background = backgroundPoll;
        await background?.catch(() => undefined);
        if (await pollOnce(db)) continue; // a round that found work may have left more due (batch limit, zero-delay retry)
        if (backgroundPoll === undefined) return;
      }
    },

    async stop() {
      running = false;
      interruptSleep?.();
      await loop;
      loop = undefined;
    },
  };
}
