import { sql, type Kysely } from 'kysely';

/**
 * Search at a million texts (docs/archive/search.md, "Speed"): each text carries what the
 * visibility rule and the facets ask of its package — access level, producing agency, record
 * type, retention class, storage date — so a search reads the texts alone and never joins a
 * package per matching row, and an index on the storage date gives the newest matches of a word
 * found on most pages without reading every one of them. The access level is kept in step by the
 * level change (access-level.ts); the others never change once a package is stored.
 */
export const archiveTextsNewestMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table archive_texts
        add column agency_id uuid,
        add column access_level text,
        add column source_type text,
        add column retention_class text,
        add column stored_at timestamptz;
      update archive_texts t
         set agency_id = p.agency_id, access_level = p.access_level, source_type = p.source_type, retention_class = p.retention_class, stored_at = p.stored_at
        from archive_packages p
       where p.id = t.package_id;
      alter table archive_texts
        alter column agency_id set not null,
        alter column access_level set not null,
        alter column source_type set not null,
        alter column retention_class set not null;
      create index archive_texts_newest on archive_texts (stored_at desc, id desc);
    `.execute(db);
  },
};
