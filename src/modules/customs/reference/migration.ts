import { sql, type Kysely } from 'kysely';

/**
 * The customs reference data (issue 6, item 1): HS nomenclature, countries, currencies, customs
 * offices, exchange rates by day, and the national tariff in dated versions. Tables are prefixed
 * `customs_` so they cannot collide with another module's `countries` or `currencies`.
 */
export const customsReferenceMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table customs_hs_sections (
        code text primary key,
        position smallint not null unique,
        name text not null
      );
      -- search_text: the code, descriptions and labels folded in the application (lower case, no
      -- diacritics: no unaccent extension on PGlite); search_vector indexes its words for prefix
      -- queries ('riz:*'), built into both engines (docs/customs/reference-data.md, "Search").
      -- Codes sort and match by prefix byte-wise (collate "C"), so LIKE '1006%' uses the key.
      create table customs_hs_nomenclature (
        code text collate "C" primary key check (code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})$'),
        level smallint not null check (level in (2, 4, 6) and length(code) = level),
        parent text references customs_hs_nomenclature (code),
        section text references customs_hs_sections (code),
        description text not null,
        label_fr text,
        label_ar text,
        search_text text not null,
        search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored,
        check ((level = 2) = (parent is null))
      );
      create index customs_hs_nomenclature_search on customs_hs_nomenclature using gin (search_vector);

      create table customs_countries (
        code text primary key check (code ~ '^[A-Z]{2}$'),
        names jsonb not null,
        currency text check (currency ~ '^[A-Z]{3}$'),
        community_member boolean not null
      );
      create table customs_currencies (
        code text primary key check (code ~ '^[A-Z]{3}$'),
        numeric_code text not null check (numeric_code ~ '^[0-9]{3}$'),
        minor_unit smallint not null check (minor_unit between 0 and 4),
        name text not null
      );
      create table customs_offices (
        code text primary key check (code ~ '^[A-Z]{2}[A-Z2-9]{3}[0-9]{2}$'),
        kind text not null check (kind in ('port', 'airport', 'land_border', 'inland', 'post')),
        un_locode text not null check (un_locode ~ '^[A-Z]{2}[A-Z2-9]{3}$'),
        names jsonb not null
      );

      -- Units of national currency for one unit of the currency, from valid_on until the next row.
      -- numeric keeps the rate exactly as published (655.957 stays 655.957).
      create table customs_exchange_rates (
        currency text not null references customs_currencies (code),
        valid_on date not null,
        rate numeric not null check (rate > 0),
        published_by text not null,
        published_at timestamptz not null default now(),
        primary key (currency, valid_on)
      );

      -- valid_to is the last day in force, inclusive; null while no later version exists.
      create table customs_tariff_versions (
        id uuid primary key default gen_random_uuid(),
        label text not null,
        valid_from date not null unique,
        valid_to date check (valid_to >= valid_from),
        statistical_fee_percent numeric not null check (statistical_fee_percent >= 0),
        community_levy_percent numeric not null check (community_levy_percent >= 0),
        line_count int not null,
        source_sha256 text not null,
        imported_by text not null,
        imported_at timestamptz not null default now()
      );
      -- At most one open version: two imports racing cannot both leave theirs open.
      create unique index customs_tariff_versions_open on customs_tariff_versions ((valid_to is null)) where valid_to is null;

      create table customs_tariff_lines (
        version_id uuid not null references customs_tariff_versions (id),
        national_line text collate "C" not null check (national_line ~ '^[0-9]{10}$'),
        hs6 text not null check (hs6 = left(national_line, 6)),
        description text not null,
        duty_band smallint not null check (duty_band in (0, 5, 10, 20, 35)),
        vat_percent numeric not null check (vat_percent >= 0),
        excise jsonb,
        community_preference boolean not null,
        search_text text not null,
        search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored,
        primary key (version_id, national_line)
      );
      create index customs_tariff_lines_search on customs_tariff_lines using gin (search_vector);
      -- The lines of a subheading, for the HS search (a line is found by its subheading's words too).
      create index customs_tariff_lines_subheading on customs_tariff_lines (hs6, version_id);

      -- What ensureReferenceData loaded from each shipped file: an unchanged file is not read again.
      create table customs_reference_datasets (
        name text primary key,
        sha256 text not null,
        row_count int not null,
        loaded_at timestamptz not null default now()
      );
    `.execute(db);
  },
};
