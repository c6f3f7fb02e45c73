import type { Db } from '../../platform/db/database.ts';
import { appendMessageLogs, type LogRecord } from './message-log.ts';
import type { InboxRow } from './inbox.ts';

/** What one message exchange leaves behind when it has no effect of its own beyond being recorded. */
export interface LogItem {
  /** Recorded in the inbox (replay protection); when its message id is already there, `ifReplayed` is logged instead of `records`. */
  inbox?: InboxRow;
  records: LogRecord[];
  ifReplayed?: LogRecord[];
}

export interface LogWriter {
  /** Resolves once the item is committed: `false` when its inbox row was a replay. */
  commit(item: LogItem): Promise<boolean>;
  /** Resolves once everything queued is committed. */
  flush(): Promise<void>;
}

const MAX_BATCH = 500;

/**
 * Group commit for messages without an effect (queries, refusals, the client's side of a call):
 * items queued while a transaction runs go together into the next one, so the log head is locked
 * once per batch instead of once per message. An idle writer commits at once; a busy one makes
 * each caller wait at most for the transaction before its own.
 */
export function logWriter(db: Db): LogWriter {
  let queue: { item: LogItem; resolve: (fresh: boolean) => void; reject: (error: unknown) => void }[] = [];
  let running: Promise<void> | undefined;

  async function commitBatch(batch: typeof queue) {
    try {
      const rows = batch.flatMap((b) => (b.item.inbox ? [b.item.inbox] : []));
      // Without inbox rows the one appending statement is its own transaction.
      const fresh = rows.length === 0 ? await appendOnly(batch) : await db.transaction().execute(async (trx) => {
        const inserted = new Set((await trx.insertInto('exchange_inbox').values(rows).onConflict((oc) => oc.column('message_id').doNothing()).returning('message_id').execute()).map((r) => r.message_id));
        // Two items of one batch with the same message id: the first one inserted it, the second is the replay.
        const outcome = batch.map((b) => {
          const id = b.item.inbox?.message_id;
          if (id === undefined) return true;
          return inserted.delete(id);
        });
        await appendMessageLogs(trx, batch.flatMap((b, i) => (outcome[i] ? b.item.records : (b.item.ifReplayed ?? []))));
        return outcome;
      });
      batch.forEach((b, i) => b.resolve(fresh[i]!));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }

  async function appendOnly(batch: typeof queue) {
    await appendMessageLogs(db, batch.flatMap((b) => b.item.records));
    return batch.map(() => true);
  }

  async function drain() {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      await commitBatch(batch);
    }
    running = undefined;
  }

  return {
    commit(item) {
      const done = new Promise<boolean>((resolve, reject) => queue.push({ item, resolve, reject }));
      running ??= Promise.resolve().then(drain);
      return done;
    },
    async flush() {
      while (running) await running;
    },
  };
}
