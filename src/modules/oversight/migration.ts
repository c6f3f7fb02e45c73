import { sql, type Kysely } from 'kysely';

/**
 * The oversight read model (docs/oversight.md): one narrow row per declaration, from Guichet
 * (kept by the outbox subscribers on the customs topics) or from the legacy system (pulled after
 * each import run). The dashboards aggregate these rows only, never the customs tables: the
 * columns they group and filter by are plain, and the indexes below cover each figure's scan.
 */
export const oversightMigration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table oversight_declaration_facts (
        system text not null check (system in ('guichet', 'legacy')),
        source_id text not null,
        reference text not null,
        office_code text not null,
        regime text not null,
        channel text check (channel in ('green', 'yellow', 'red', 'blue')),
        state text not null,
        lodged_on date not null,
        lodged_at timestamptz not null,
        paid_on date,
        released_at timestamptz,
        clearance_seconds integer check (clearance_seconds >= 0),
        duty bigint not null default 0,
        statistical_fee bigint not null default 0,
        community_levy bigint not null default 0,
        excise bigint not null default 0,
        vehicle_surcharge bigint not null default 0,
        vat bigint not null default 0,
        risk_hits text[] not null default '{}',
        inspection_outcome text check (inspection_outcome in ('conform', 'discrepancy', 'seizure')),
        progress integer not null default 0,
        updated_at timestamptz not null default now(),
        primary key (system, source_id)
      );
      -- Every figure is an index-only scan of one of these (a fact row's heap is never read):
      -- counts, shares, channels and inspection outcomes by day of lodgement;
      create index oversight_facts_lodged on oversight_declaration_facts (lodged_on, office_code, system) include (regime, channel, inspection_outcome);
      -- clearance times of the released;
      create index oversight_facts_released on oversight_declaration_facts (lodged_on, office_code, system) include (channel, clearance_seconds) where clearance_seconds is not null;
      -- revenue by day of payment;
      create index oversight_facts_paid on oversight_declaration_facts (paid_on, office_code, system) include (duty, statistical_fee, community_levy, excise, vehicle_surcharge, vat) where paid_on is not null;
      -- risk criteria, on the declarations some criterion hit.
      create index oversight_facts_hits on oversight_declaration_facts (lodged_on, office_code, system) include (risk_hits) where risk_hits <> '{}';
    `.execute(db);
  },
};
