import { sql, type Kysely } from 'kysely';

/**
 * Declarations and what customs decides about them: each declaration with its current version,
 * every version lodged (amendments), the states it went through, the WCO-style notifications sent
 * to the declarant, inspection reports; the regulatory matrix; risk profiles, reference prices and
 * the running risk record of each importer and declarant.
 */
export const customsDeclarationsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create sequence customs_declaration_number;
      create table customs_declarations (
        id uuid primary key default gen_random_uuid(),
        reference text not null unique,
        local_reference text not null,
        declarant_tax_id text not null,
        importer_tax_id text,
        exporter_tax_id text,
        regime text not null check (regime in ('import_home_use', 'export', 'transit', 'temporary_admission')),
        office_code text not null,
        state text not null check (state in ('draft', 'lodged', 'checked', 'channel_assigned', 'inspected', 'assessed', 'paid', 'released', 'rejected')),
        version int not null default 1,
        declared_on date not null,
        payload jsonb not null,
        assessment jsonb,
        total_due bigint,
        currency text not null,
        channel text check (channel in ('green', 'yellow', 'red', 'blue')),
        risk jsonb,
        rejection jsonb,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        lodged_at timestamptz,
        released_at timestamptz,
        unique (declarant_tax_id, local_reference)
      );
      create index customs_declarations_queue on customs_declarations (state, channel, lodged_at);
      create index customs_declarations_importer on customs_declarations (importer_tax_id, declared_on);
      create table customs_declaration_versions (
        declaration_id uuid not null references customs_declarations (id),
        version int not null,
        payload jsonb not null,
        reason text,
        created_by_label text not null,
        created_at timestamptz not null default now(),
        primary key (declaration_id, version)
      );
      create table customs_declaration_states (
        id bigserial primary key,
        declaration_id uuid not null references customs_declarations (id),
        state text not null,
        actor_label text not null,
        entered_at timestamptz not null default now()
      );
      create index customs_declaration_states_of on customs_declaration_states (declaration_id, id);
      create table customs_notifications (
        id bigserial primary key,
        declaration_id uuid not null references customs_declarations (id),
        kind text not null check (kind in ('accepted', 'tax_assessed', 'cleared', 'rejected')),
        body jsonb not null,
        issued_at timestamptz not null default now()
      );
      create index customs_notifications_of on customs_notifications (declaration_id, id);
      create table customs_inspections (
        id uuid primary key default gen_random_uuid(),
        declaration_id uuid not null references customs_declarations (id),
        outcome text not null check (outcome in ('conform', 'discrepancy', 'seizure')),
        findings text not null,
        inspector_id uuid,
        inspector_label text not null,
        created_at timestamptz not null default now()
      );
      create index customs_inspections_of on customs_inspections (declaration_id);
      create table customs_regulatory_rules (
        id uuid primary key default gen_random_uuid(),
        hs_prefix text not null check (hs_prefix ~ '^[0-9]{2,10}$'),
        regime text check (regime in ('import_home_use', 'export', 'transit', 'temporary_admission')),
        origin text check (origin ~ '^[A-Z]{2}$'),
        document_type text not null,
        agency_code text not null,
        note text,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index customs_regulatory_rules_unique on customs_regulatory_rules (hs_prefix, coalesce(regime, ''), coalesce(origin, ''), document_type);
      create table customs_risk_profiles (
        id text primary key,
        definition jsonb not null,
        updated_at timestamptz not null default now()
      );
      create table customs_reference_prices (
        hs_prefix text primary key check (hs_prefix ~ '^[0-9]{2,10}$'),
        price_per_kg text not null,
        updated_at timestamptz not null default now()
      );
      create table customs_party_risk (
        tax_id text primary key,
        declarations int not null default 0,
        inspections int not null default 0,
        discrepancies int not null default 0,
        seizures int not null default 0,
        score numeric not null default 0,
        updated_at timestamptz not null default now()
      );
    `.execute(db);
  },
};
