import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { filtered, type LegacyFilters } from './reads.ts';
import type { LegacyChannel, LegacyRegime } from './record.ts';

export const SUMMARY_DIMENSIONS = ['office', 'regime', 'channel', 'month'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

export interface LegacySummaryRow {
  system: 'legacy';
  office?: string;
  regime?: LegacyRegime;
  channel?: LegacyChannel | null;
  /** YYYY-MM (UTC) */
  month?: string;
  declarations: number;
  released: number;
  /** Exact sum of the taxes collected, national currency. */
  taxesTotal: string;
  /** Mean lodgement-to-release time of the released ones, in hours (null when none was released). */
  meanReleaseHours: number | null;
}

interface AggregateRow {
  declarations: number;
  released: number;
  taxes_total: string;
  mean_release_hours: number | null;
}

const canonical = (amount: string) => (amount.includes('.') ? amount.replace(/\.?0+$/, '') : amount);
const DAY_MS = 86_400_000;
const isMidnight = (date: Date | undefined) => date === undefined || date.getTime() % DAY_MS === 0;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The daily totals answer whenever the question is in whole days and not about one import run. */
const fromDailyTotals = (filters: LegacyFilters) => filters.runId === undefined && isMidnight(filters.from) && isMidnight(filters.to);

const DECLARATION_DIMENSIONS: Readonly<Record<SummaryDimension, RawBuilder<string | null>>> = {
  office: sql`office_code`,
  regime: sql`regime`,
  channel: sql`channel`,
  month: sql`to_char(lodged_at at time zone 'UTC', 'YYYY-MM')`,
};
const DAILY_DIMENSIONS: Readonly<Record<SummaryDimension, RawBuilder<string | null>>> = {
  office: sql`office_code`,
  regime: sql`regime`,
  channel: sql`nullif(channel, '')`,
  month: sql`to_char(day, 'YYYY-MM')`,
};

function fromDeclarations(db: Db, filters: LegacyFilters, dimensions: readonly SummaryDimension[]) {
  let query = filtered(
    db
      .selectFrom('legacy_declarations')
      .select([
        sql<number>`count(*)::int`.as('declarations'),
        sql<number>`count(released_at)::int`.as('released'),
        sql<string>`coalesce(sum(taxes_total), 0)::text`.as('taxes_total'),
        sql<number | null>`(avg(extract(epoch from (released_at - lodged_at))) / 3600)::float8`.as('mean_release_hours'),
        ...dimensions.map((d) => DECLARATION_DIMENSIONS[d].as(d)),
      ]),
    filters,
  );
  for (const d of dimensions) query = query.groupBy(DECLARATION_DIMENSIONS[d]);
  return query.execute();
}

function fromDays(db: Db, filters: LegacyFilters, dimensions: readonly SummaryDimension[]) {
  let query = db
    .selectFrom('legacy_daily_totals')
    .select([
      sql<number>`coalesce(sum(declarations), 0)::int`.as('declarations'),
      sql<number>`coalesce(sum(released), 0)::int`.as('released'),
      sql<string>`coalesce(sum(taxes_total), 0)::text`.as('taxes_total'),
      sql<number | null>`(sum(release_ms)::float8 / nullif(sum(released), 0) / 3600000)`.as('mean_release_hours'),
      ...dimensions.map((d) => DAILY_DIMENSIONS[d].as(d)),
    ]);
  if (filters.from) query = query.where('day', '>=', dayOf(filters.from));
  if (filters.to) query = query.where('day', '<', dayOf(filters.to));
  if (filters.officeCode) query = query.where('office_code', '=', filters.officeCode);
  if (filters.regime) query = query.where('regime', '=', filters.regime);
  if (filters.channel) query = query.where('channel', '=', filters.channel);
  for (const d of dimensions) query = query.groupBy(DAILY_DIMENSIONS[d]);
  return query.execute();
}

/**
 * Counts, taxes and release times of legacy declarations, grouped by the dimensions asked (none:
 * one total row). Whole-day periods are read from the daily totals (a few thousand rows for a
 * whole migration); a period cut inside a day, or one import run, from the declarations.
 */
export async function legacySummary(db: Db, filters: LegacyFilters, by: readonly SummaryDimension[]): Promise<LegacySummaryRow[]> {
  const dimensions = [...new Set(by)];
  const rows = (await (fromDailyTotals(filters) ? fromDays(db, filters, dimensions) : fromDeclarations(db, filters, dimensions))) as unknown as (AggregateRow & Partial<Record<SummaryDimension, string | null>>)[];
  return rows.map((row) => ({
    system: 'legacy',
    ...Object.fromEntries(dimensions.map((d) => [d, row[d] ?? null])),
    declarations: row.declarations,
    released: row.released,
    taxesTotal: canonical(row.taxes_total),
    meanReleaseHours: row.mean_release_hours === null ? null : Number(row.mean_release_hours),
  }));
}
