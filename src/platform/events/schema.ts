import type { ColumnType, Generated } from 'kysely';

export interface OutboxEventsTable {
  id: Generated<number>;
  topic: string;
  payload: ColumnType<unknown, unknown, never>;
  created_at: Generated<Date>;
}

export interface EventDeliveriesTable {
  id: Generated<number>;
  event_id: number;
  subscriber: string;
  status: Generated<'pending' | 'done' | 'dead'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  locked_until: Date | null;
  last_error: string | null;
  done_at: Date | null;
}

export interface ScheduledJobsTable {
  name: string;
  interval_seconds: number;
  next_run_at: Date;
  locked_until: Date | null;
  last_run_at: Date | null;
  last_error: string | null;
  run_count: Generated<number>;
}

export interface EventTables {
  outbox_events: OutboxEventsTable;
  event_deliveries: EventDeliveriesTable;
  scheduled_jobs: ScheduledJobsTable;
}
