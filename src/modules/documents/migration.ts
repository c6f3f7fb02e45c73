import { sql, type Kysely } from 'kysely';

export const documentsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create sequence document_number_seq;
      create table documents (
        id uuid primary key,
        number text not null unique,
        kind text not null check (kind in ('document', 'receipt')),
        type text not null,
        title jsonb not null,
        agency_id uuid not null references agencies (id),
        application_id uuid references applications (id),
        -- No foreign key: a receipt may be issued for a payment of any module (fees today, customs duties later).
        payment_id uuid,
        holder_id uuid references users (id),
        holder_company_id uuid references companies (id),
        holder_name text not null,
        holder_reference text,
        language text not null check (language in ('fr', 'ar', 'en')),
        fields jsonb not null,
        issued_at timestamptz not null,
        valid_from text not null check (valid_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        valid_until text check (valid_until ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        kid text not null references signing_keys (kid),
        payload text not null,
        pdf_sha256 text not null references blobs (sha256),
        revoked_at timestamptz,
        -- The account or API client that revoked it (the audit entry names them too).
        revoked_by uuid,
        revocation_reason text,
        created_at timestamptz not null default now(),
        check ((revoked_at is null) = (revocation_reason is null)),
        check ((kind = 'receipt') = (payment_id is not null))
      );
      -- Issuance is idempotent: one document of a type per file, one receipt per payment.
      create unique index documents_one_per_file on documents (application_id, type) where kind = 'document';
      create unique index documents_one_per_payment on documents (payment_id) where kind = 'receipt';
      create index documents_application on documents (application_id) where application_id is not null;
      create index documents_holder on documents (holder_id);
    `.execute(db);
  },
};
