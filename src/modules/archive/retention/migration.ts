import { sql, type Kysely } from 'kysely';

/**
 * Retention and disposition (docs/archive/retention.md): the classification scheme with one
 * disposal schedule per class, legal holds on packages, and disposition proposals (a batch the
 * archivist proposes and an authority approves or refuses) with their packages.
 */
export const archiveRetentionMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table archive_retention_classes (
        code text primary key,
        title jsonb not null,
        trigger_event text not null,
        period_years integer check (period_years > 0),
        action text not null check (action in ('keep', 'review', 'transfer', 'destroy')),
        updated_at timestamptz not null default now(),
        check ((action = 'keep') = (period_years is null))
      );
      create table archive_legal_holds (
        id uuid primary key default gen_random_uuid(),
        package_id uuid not null references archive_packages (id),
        reason text not null,
        placed_by text not null,
        placed_at timestamptz not null default now(),
        lifted_by text,
        lifted_at timestamptz,
        lift_reason text
      );
      -- One hold in force per package: a second placement is refused, not stacked.
      create unique index archive_legal_holds_active on archive_legal_holds (package_id) where lifted_at is null;
      create table archive_disposition_proposals (
        id uuid primary key default gen_random_uuid(),
        action text not null check (action in ('destroy')),
        reason text not null,
        proposed_by_id text not null,
        proposed_by text not null,
        proposed_at timestamptz not null default now(),
        state text not null default 'proposed' check (state in ('proposed', 'approved', 'refused')),
        decided_by_id text,
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        certificate_id uuid,
        certificate_number text
      );
      create table archive_disposition_items (
        proposal_id uuid not null references archive_disposition_proposals (id),
        package_id uuid not null references archive_packages (id),
        primary key (proposal_id, package_id)
      );
      create index archive_disposition_items_package on archive_disposition_items (package_id);
      -- A legal hold placed or lifted is a PREMIS "policy assignment" event on the package.
      alter table archive_events drop constraint archive_events_event_type_check;
      alter table archive_events add constraint archive_events_event_type_check check (event_type in ('ingestion', 'message digest calculation', 'fixity check', 'replication', 'format identification', 'access', 'deletion', 'policy assignment'));
    `.execute(db);
  },
};
