import { sql, type Kysely } from 'kysely';

/**
 * The old customs system's declarations, imported read-only while both systems run
 * (docs/customs/legacy-coexistence.md). The legacy reference is unique: importing a file again, or
 * resuming an interrupted import, inserts only what is not there yet (`on conflict do nothing`).
 * The indexes serve the dashboards' reads: by period, by office and period, by regime and period;
 * `legacy_daily_totals` keeps counts and sums by day, office, regime and channel, added to in the
 * transaction that stores each batch, so a dashboard over the whole migration reads a few
 * thousand rows instead of 300,000.
 */
export const legacyDeclarationsMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table legacy_import_runs (
        id uuid primary key default gen_random_uuid(),
        file_name text not null,
        source_format text not null check (source_format in ('csv', 'cusdec')),
        digest text not null,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        started_by_label text not null,
        lines_read integer not null default 0,
        imported integer not null default 0,
        already_present integer not null default 0,
        rejected integer not null default 0,
        rejections jsonb not null default '[]'::jsonb
      );
      create index legacy_import_runs_started on legacy_import_runs (started_at desc);
      create table legacy_declarations (
        id uuid primary key default gen_random_uuid(),
        source_format text not null check (source_format in ('csv', 'cusdec')),
        legacy_reference text not null unique,
        office_code text not null,
        regime text not null check (regime in ('import_home_use', 'export', 'transit', 'temporary_admission')),
        lodged_at timestamptz not null,
        released_at timestamptz check (released_at is null or released_at >= lodged_at),
        channel text check (channel in ('green', 'yellow', 'red', 'blue')),
        importer_tax_id text,
        declarant_tax_id text not null,
        currency text not null,
        customs_value numeric(20, 4) not null check (customs_value >= 0),
        taxes jsonb not null,
        taxes_total numeric(20, 4) not null check (taxes_total >= 0),
        items jsonb not null,
        import_run_id uuid not null references legacy_import_runs (id),
        imported_at timestamptz not null default now()
      );
      create index legacy_declarations_lodged on legacy_declarations (lodged_at);
      create index legacy_declarations_office_lodged on legacy_declarations (office_code, lodged_at);
      create index legacy_declarations_regime_lodged on legacy_declarations (regime, lodged_at);
      create index legacy_declarations_run on legacy_declarations (import_run_id);
      create table legacy_daily_totals (
        day date not null,
        office_code text not null,
        regime text not null,
        channel text not null,
        declarations integer not null,
        released integer not null,
        release_ms bigint not null,
        taxes_total numeric(24, 4) not null,
        primary key (day, office_code, regime, channel)
      );
    `.execute(db);
  },
};
