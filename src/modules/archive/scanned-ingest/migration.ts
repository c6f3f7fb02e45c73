import { sql, type Kysely } from 'kysely';

/**
 * Scanned paper records ingested by archivists (docs/archive/scanned-records.md): a batch carries
 * the description its files share; each item is one uploaded file, identified by its signature,
 * staged in the primary root, then read by OCR and stored as a package of its own.
 */
export const archiveScannedBatchesMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create sequence archive_scanned_batch_number;
      create table archive_scanned_batches (
        id uuid primary key default gen_random_uuid(),
        reference text not null unique,
        agency_id uuid not null references agencies (id),
        creator_agency_id uuid not null references agencies (id),
        created_by_id uuid,
        created_by text not null,
        title jsonb not null,
        subject text not null check (length(subject) between 1 and 300),
        date_from text not null check (date_from ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
        date_to text check (date_to ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
        retention_class text not null references archive_retention_classes (code),
        access_level text not null check (access_level in ('public', 'restricted', 'confidential')),
        languages jsonb not null,
        state text not null default 'open' check (state in ('open', 'submitted', 'done')),
        created_at timestamptz not null default now(),
        submitted_at timestamptz,
        finished_at timestamptz
      );
      create index archive_scanned_batches_agency on archive_scanned_batches (agency_id, created_at desc);
      create index archive_scanned_batches_creator on archive_scanned_batches (creator_agency_id, created_at desc);
      create table archive_scanned_items (
        id uuid primary key default gen_random_uuid(),
        batch_id uuid not null references archive_scanned_batches (id),
        position integer not null check (position > 0),
        name text not null check (length(name) between 1 and 255),
        size bigint not null check (size > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        media_type text not null,
        puid text,
        page_count integer not null check (page_count > 0),
        languages jsonb not null,
        state text not null default 'queued' check (state in ('queued', 'recognising', 'stored', 'refused')),
        progress double precision not null default 0 check (progress between 0 and 1),
        pages integer,
        confidence double precision,
        recognised jsonb,
        package_identifier text,
        refusal_code text,
        refusal_params jsonb,
        refusal_detail text,
        attempts integer not null default 0,
        lease_until timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (batch_id, name),
        unique (batch_id, position),
        check ((state = 'refused') = (refusal_code is not null)),
        check ((state = 'stored') = (package_identifier is not null))
      );
      create index archive_scanned_items_waiting on archive_scanned_items (created_at) where state in ('queued', 'recognising');
      create index archive_scanned_items_content on archive_scanned_items (sha256);
    `.execute(db);
  },
};
