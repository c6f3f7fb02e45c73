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

/**
 * jsonb stores an object's keys in its own order (shorter keys first, then by bytes), so a form
 * read back from it listed its nested fields as Ville, Région, Adresse rather than in the order the
 * ministry wrote them. json keeps the text as written. Rows published before this migration keep
 * jsonb's order: the conversion reads the jsonb text, where the authored order is already lost.
 */
export const definitionKeyOrderMigration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table procedure_versions alter column definition type json using definition::json`.execute(db);
  },
};
