import { sql, type Kysely } from 'kysely';

/**
 * The national archive's storage (docs/archive/storage.md): Archival Information Packages (OAIS,
 * ISO 14721) with their files and checksums, PREMIS 3 events, and the state of each stored content
 * in each storage root as the last fixity check found it.
 */
export const archiveMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create sequence archive_package_number;
      create table archive_packages (
        id uuid primary key default gen_random_uuid(),
        identifier text not null unique,
        source_type text not null check (source_type in ('application', 'customs_declaration')),
        source_id text not null,
        source_reference text not null,
        agency_id uuid not null references agencies (id),
        title text not null,
        retention_class text not null,
        access_level text not null default 'restricted' check (access_level in ('public', 'restricted', 'confidential')),
        state text not null check (state in ('ingesting', 'stored', 'destroyed')),
        created_at timestamptz not null default now(),
        stored_at timestamptz,
        unique (source_type, source_id)
      );
      create index archive_packages_listing on archive_packages (agency_id, stored_at desc) where state = 'stored';
      create index archive_packages_ingesting on archive_packages (created_at) where state = 'ingesting';
      create table archive_files (
        id uuid primary key default gen_random_uuid(),
        package_id uuid not null references archive_packages (id),
        path text not null check (path ~ '^(data|metadata)/[A-Za-z0-9._/-]+$' and path !~ '\\.\\.'),
        size bigint not null check (size >= 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        sha512 text not null check (sha512 ~ '^[0-9a-f]{128}$'),
        format text not null,
        role text not null check (role in ('form', 'attachment', 'document', 'decision', 'audit', 'metadata')),
        unique (package_id, path)
      );
      create index archive_files_content on archive_files (sha256);
      create table archive_copies (
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        root text not null,
        state text not null check (state in ('present', 'corrupt', 'missing')),
        checked_at timestamptz not null default now(),
        primary key (sha256, root)
      );
      create index archive_copies_bad on archive_copies (root) where state <> 'present';
      create table archive_events (
        id bigint generated always as identity primary key,
        event_type text not null check (event_type in ('ingestion', 'message digest calculation', 'fixity check', 'replication', 'format identification', 'access', 'deletion')),
        outcome text not null check (outcome in ('success', 'failure')),
        detail text not null,
        agent text not null,
        at timestamptz not null default now(),
        package_id uuid references archive_packages (id),
        file_id uuid references archive_files (id)
      );
      create index archive_events_package on archive_events (package_id, id);
      create table archive_fixity_runs (
        id uuid primary key default gen_random_uuid(),
        started_at timestamptz not null,
        finished_at timestamptz not null,
        agent text not null,
        checked integer not null,
        intact integer not null,
        repaired integer not null,
        lost integer not null,
        unrepaired integer not null,
        problems jsonb not null
      );
      create index archive_fixity_runs_latest on archive_fixity_runs (finished_at desc);
    `.execute(db);
  },
};
