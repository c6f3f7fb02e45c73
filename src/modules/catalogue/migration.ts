import { sql, type Kysely } from 'kysely';

export const catalogueMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table procedure_versions (
        id uuid primary key default gen_random_uuid(),
        procedure_id text not null,
        version int not null check (version > 0),
        agency_id uuid not null references agencies (id),
        definition jsonb not null,
        search_text text not null,
        published_at timestamptz not null default now(),
        published_by uuid references users (id),
        unique (procedure_id, version)
      );
      create index procedure_versions_agency on procedure_versions (agency_id);
    `.execute(db);
  },
};
