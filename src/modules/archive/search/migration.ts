import { sql, type Kysely } from 'kysely';

/**
 * Search over the archive (docs/archive/search.md): one row per text — a package's description in
 * each language, or one OCR'd page — with a tsvector computed by the language's configuration
 * (french, arabic, english: both engines ship them) and one GIN index, so a search at a million
 * packages reads the index, not the texts. Access requests for restricted packages.
 */
export const archiveSearchMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table archive_texts (
        id bigint generated always as identity primary key,
        package_id uuid not null references archive_packages (id),
        file_id uuid references archive_files (id),
        page integer check (page > 0),
        language text not null check (language in ('fr', 'ar', 'en')),
        body text not null,
        document tsvector not null generated always as (
          to_tsvector(case language when 'fr' then 'french'::regconfig when 'ar' then 'arabic'::regconfig else 'english'::regconfig end, body)
        ) stored,
        unique nulls not distinct (package_id, file_id, page, language)
      );
      create index archive_texts_document on archive_texts using gin (document);
      create table archive_access_requests (
        id uuid primary key default gen_random_uuid(),
        package_id uuid not null references archive_packages (id),
        applicant_id uuid not null references users (id),
        reason text not null check (length(reason) between 10 and 2000),
        state text not null default 'pending' check (state in ('pending', 'granted', 'refused')),
        created_at timestamptz not null default now(),
        decided_by uuid references users (id),
        decided_at timestamptz,
        note text,
        expires_at timestamptz,
        check ((state = 'granted') = (expires_at is not null))
      );
      create index archive_access_requests_pending on archive_access_requests (package_id) where state = 'pending';
      create index archive_access_requests_grants on archive_access_requests (applicant_id, package_id) where state = 'granted';
    `.execute(db);
  },
};
