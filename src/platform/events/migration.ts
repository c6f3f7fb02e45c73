import { sql, type Kysely } from 'kysely';

export const eventsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table outbox_events (
        id bigserial primary key,
        topic text not null,
        payload jsonb not null,
        created_at timestamptz not null default now()
      );
      create table event_deliveries (
        id bigserial primary key,
        event_id bigint not null references outbox_events (id),
        subscriber text not null,
        status text not null default 'pending' check (status in ('pending', 'done', 'dead')),
        attempts int not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz,
        last_error text,
        done_at timestamptz,
        unique (event_id, subscriber)
      );
      create index event_deliveries_due on event_deliveries (next_attempt_at) where status = 'pending';
      create index event_deliveries_dead on event_deliveries (id) where status = 'dead';
      create table scheduled_jobs (
        name text primary key,
        interval_seconds int not null check (interval_seconds > 0),
        next_run_at timestamptz not null,
        locked_until timestamptz,
        last_run_at timestamptz,
        last_error text,
        run_count int not null default 0
      );
    `.execute(db);
  },
};
