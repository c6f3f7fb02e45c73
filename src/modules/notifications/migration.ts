import { sql, type Kysely } from 'kysely';

export const notificationsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table notifications (
        id uuid primary key default gen_random_uuid(),
        channel text not null check (channel in ('email', 'sms')),
        recipient_user_id uuid references users (id),
        address text not null,
        locale text not null,
        subject text,
        body_text text not null,
        body_html text,
        status text not null check (status in ('kept', 'sent', 'failed')),
        error text,
        attempts int not null default 1,
        related_type text not null,
        related_id text not null,
        dedupe_key text not null unique,
        created_at timestamptz not null default now(),
        sent_at timestamptz
      );
      create index notifications_recipient on notifications (recipient_user_id, created_at desc);
      create index notifications_recent on notifications (created_at desc);
    `.execute(db);
  },
};
