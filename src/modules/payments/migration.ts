import { sql, type Kysely } from 'kysely';

export const paymentsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create sequence payment_receipt_seq;
      create table payments (
        id uuid primary key default gen_random_uuid(),
        application_id uuid references applications (id),
        reference text,
        agency_id uuid not null references agencies (id),
        agency_code text not null,
        procedure_id text not null,
        provider text not null check (provider in ('mobile_money', 'counter')),
        state text not null default 'pending' check (state in ('pending', 'succeeded', 'failed', 'refund_pending', 'refunded')),
        amount bigint not null check (amount > 0),
        currency text not null check (currency ~ '^[A-Z]{3}$'),
        lines jsonb not null,
        payer_id uuid references users (id),
        caller_id uuid not null,
        idempotency_key text not null,
        request_hash text not null,
        phone text,
        desk_agency_code text,
        provider_reference text,
        receipt_number text unique,
        failure_reason text,
        refund_reason text,
        completed_at timestamptz,
        settled_at timestamptz,
        refunded_at timestamptz,
        status_checked_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint payments_idempotency unique (caller_id, idempotency_key),
        constraint payments_provider_reference unique (provider, provider_reference)
      );
      create index payments_application on payments (application_id, created_at desc);
      create index payments_unsettled on payments (provider, state, created_at) where state in ('pending', 'refund_pending');
      create index payments_completed on payments (provider, completed_at);

      -- A provider's notification is taken once: a replay of the same event id finds its row.
      create table payment_callbacks (
        provider text not null,
        event_id text not null,
        payment_id uuid not null references payments (id),
        outcome text not null,
        received_at timestamptz not null default now(),
        primary key (provider, event_id)
      );

      create table ledger_accounts (
        code text primary key,
        kind text not null check (kind in ('asset', 'revenue', 'liability')),
        agency_code text,
        label jsonb not null,
        created_at timestamptz not null default now()
      );
      create table ledger_entries (
        id uuid primary key default gen_random_uuid(),
        payment_id uuid not null references payments (id),
        kind text not null check (kind in ('credit', 'reversal')),
        currency text not null check (currency ~ '^[A-Z]{3}$'),
        posted_at timestamptz not null default now(),
        -- A payment is credited at most once and reversed at most once, whatever retries happen.
        constraint ledger_entries_once unique (payment_id, kind)
      );
      -- Each row moves one amount from one account to another: an entry cannot be unbalanced.
      create table ledger_postings (
        id bigint generated always as identity primary key,
        entry_id uuid not null references ledger_entries (id),
        debit_account text not null references ledger_accounts (code),
        credit_account text not null references ledger_accounts (code),
        amount bigint not null check (amount > 0),
        check (debit_account <> credit_account)
      );
      create index ledger_postings_entry on ledger_postings (entry_id);
      create index ledger_postings_debit on ledger_postings (debit_account);
      create index ledger_postings_credit on ledger_postings (credit_account);

      create table reconciliations (
        id uuid primary key default gen_random_uuid(),
        provider text not null,
        day text not null check (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        imported_at timestamptz not null default now(),
        imported_by uuid not null,
        imported_by_label text not null,
        statement_sha256 text not null,
        statement_lines int not null,
        matched int not null,
        mismatches jsonb not null
      );
      create index reconciliations_recent on reconciliations (imported_at desc);
    `.execute(db);
  },
};
