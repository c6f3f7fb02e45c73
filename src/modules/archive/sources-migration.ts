import { sql, type Kysely } from 'kysely';

/**
 * Packages that do not come from a closed file of the platform: paper records scanned and ingested
 * by archivists, and bags exported by another archive system and imported here
 * (docs/archive/scanned-records.md, docs/archive/bagit.md).
 */
export const archiveSourcesMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table archive_packages drop constraint archive_packages_source_type_check;
      alter table archive_packages add constraint archive_packages_source_type_check
        check (source_type in ('application', 'customs_declaration', 'scanned_record', 'imported_bag'));
    `.execute(db);
  },
};
