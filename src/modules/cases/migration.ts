import { sql, type Kysely } from 'kysely';

export const casesMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create sequence application_reference_seq;
      create table applications (
        id uuid primary key default gen_random_uuid(),
        reference text not null unique,
        procedure_version_id uuid not null references procedure_versions (id),
        procedure_id text not null,
        procedure_version int not null,
        agency_id uuid not null references agencies (id),
        holding_agency_id uuid references agencies (id),
        applicant_id uuid not null references users (id),
        company_id uuid references companies (id),
        state text not null,
        data jsonb not null default '{}',
        fee jsonb,
        fee_paid_at timestamptz,
        submitted_at timestamptz,
        state_entered_at timestamptz not null default now(),
        due_on text check (due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        escalated_at timestamptz,
        assigned_to uuid references users (id),
        search_text text not null default '',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index applications_applicant on applications (applicant_id, updated_at desc);
      create index applications_company on applications (company_id, updated_at desc) where company_id is not null;
      create index applications_agency_queue on applications (agency_id, state, due_on);
      create index applications_holding_queue on applications (holding_agency_id, state, due_on) where holding_agency_id is not null;
      create index applications_overdue on applications (due_on) where due_on is not null and escalated_at is null;

      create table application_events (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications (id) on delete cascade,
        at timestamptz not null default clock_timestamp(),
        kind text not null,
        action text,
        from_state text,
        to_state text,
        actor_kind text not null,
        actor_id uuid,
        actor_label text not null,
        comment text,
        internal boolean not null default false
      );
      create index application_events_file on application_events (application_id, at);

      create table application_attachments (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications (id) on delete cascade,
        kind text not null,
        file_name text not null,
        sha256 text not null references blobs (sha256),
        size bigint not null,
        media_type text not null,
        uploaded_by uuid not null references users (id),
        uploaded_at timestamptz not null default now()
      );
      create index application_attachments_file on application_attachments (application_id);
    `.execute(db);
  },
};
