import { sql, type Kysely } from 'kysely';

export const blobsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table blobs (
        sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint not null check (size > 0),
        media_type text not null,
        created_at timestamptz not null default now()
      );
    `.execute(db);
  },
};
