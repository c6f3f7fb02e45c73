import { sql, type Kysely } from 'kysely';

export const signingKeysMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table signing_keys (
        kid text primary key check (kid ~ '^[A-Za-z0-9_-]{11}$'),
        agency_id uuid not null references agencies (id),
        public_key text not null,
        private_key_sealed text not null,
        status text not null check (status in ('active', 'retired')),
        created_at timestamptz not null default now(),
        retired_at timestamptz,
        check ((status = 'retired') = (retired_at is not null))
      );
      -- One key signs for an agency at a time; a second concurrent creation conflicts here.
      create unique index signing_keys_one_active on signing_keys (agency_id) where status = 'active';
      create index signing_keys_agency on signing_keys (agency_id, created_at);
    `.execute(db);
  },
};
