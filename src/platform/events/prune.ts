import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** How many events one pass removes, so a first prune of a large backlog never holds locks for long. */
const BATCH = 5_000;

/**
 * Removes outbox events older than `olderThanDays` whose every delivery is done, with their
 * deliveries. Events with a pending or dead delivery stay: the bus still owes them, or an operator
 * may replay them. The domain tables and the audit chain keep the record of what happened; the
 * outbox only carries it to subscribers, so it need not grow for ever.
 * Returns how many events were removed.
 */
export async function pruneDeliveredEvents(db: Db, olderThanDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000);
  let removed = 0;
  for (;;) {
    // One statement: the deliveries go in a data-modifying CTE, and the foreign key is checked at
    // the statement's end, when both are gone.
    const result = await sql<{ id: number }>`
      with old as (
        select e.id from outbox_events e
        where e.created_at < ${cutoff}
          and not exists (select 1 from event_deliveries d where d.event_id = e.id and d.status <> 'done')
        order by e.id
        limit ${BATCH}
      ), deliveries as (
        delete from event_deliveries where event_id in (select id from old)
      )
      delete from outbox_events where id in (select id from old) returning id
    `.execute(db);
    removed += result.rows.length;
    if (result.rows.length < BATCH) return removed;
  }
}
