import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../../platform/db/database.ts';
import { TAX_CODES, type TaxCode } from './facts.ts';
import type { Period } from './period.ts';
import type { FactSystem } from './schema.ts';

/** What every customs figure can be narrowed to. */
export interface CustomsFilter extends Period {
  officeCode?: string | undefined;
  system?: FactSystem | undefined;
}

type Facts = ExpressionBuilder<Database, 'oversight_declaration_facts'>;

/** Declarations lodged in the period (at the office, through the system asked for). */
const lodgedIn = (filter: CustomsFilter) => (eb: Facts) =>
  eb.and([
    eb('lodged_on', '>=', filter.from),
    eb('lodged_on', '<=', filter.to),
    ...(filter.officeCode ? [eb('office_code', '=', filter.officeCode)] : []),
    ...(filter.system ? [eb('system', '=', filter.system)] : []),
  ]);

/** A declaration not routed (the legacy system's, or not yet through selectivity). */
const NO_CHANNEL = 'none';
const channelOf = sql<string>`coalesce(channel, ${NO_CHANNEL})`;

export interface DailyCount {
  day: string;
  regime: string;
  channel: string;
  count: number;
}

/** Declarations per day of lodgement, by regime and channel. */
export async function declarationsPerDay(db: Db, filter: CustomsFilter): Promise<DailyCount[]> {
  const rows = await db
    .selectFrom('oversight_declaration_facts')
    .select([sql<string>`to_char(lodged_on, 'YYYY-MM-DD')`.as('day'), 'regime', channelOf.as('channel'), sql<number>`count(*)::int`.as('count')])
    .where(lodgedIn(filter))
    .groupBy(['lodged_on', 'regime', sql`2`, sql`3`])
    .orderBy('lodged_on')
    .orderBy('regime')
    .orderBy(sql`3`)
    .execute();
  return rows;
}

/** Clearance-time classes of the histogram: upper bounds in seconds (the last class is open). */
export const CLEARANCE_BOUNDS = [3_600, 7_200, 14_400, 28_800, 86_400, 172_800, 259_200, 604_800] as const;

export interface ClearanceTime {
  /** Released declarations of the period, with the median and the 90th percentile, in seconds. */
  overall: { released: number; medianSeconds: number | null; p90Seconds: number | null };
  byChannel: { channel: string; released: number; medianSeconds: number; p90Seconds: number }[];
  /** One class per CLEARANCE_BOUNDS interval and one open class above: [fromSeconds, toSeconds). */
  histogram: { fromSeconds: number; toSeconds: number | null; count: number }[];
}

/**
 * Lodgement to release of the declarations lodged in the period and released since (WCO Time
 * Release Study, overall clearance): distribution, median and 90th percentile, by channel.
 */
export async function clearanceTime(db: Db, filter: CustomsFilter): Promise<ClearanceTime> {
  const released = (eb: Facts) => eb.and([lodgedIn(filter)(eb), eb('clearance_seconds', 'is not', null)]);
  // Both percentiles from one sort (PostgreSQL shares it between ordered-set aggregates of the same order).
  const percentiles = [sql<number>`count(*)::int`.as('released'), sql<number | null>`percentile_cont(0.5) within group (order by clearance_seconds)`.as('median'), sql<number | null>`percentile_cont(0.9) within group (order by clearance_seconds)`.as('p90')] as const;
  const [overall, byChannel, classes] = await Promise.all([
    db.selectFrom('oversight_declaration_facts').select(percentiles).where(released).executeTakeFirstOrThrow(),
    db.selectFrom('oversight_declaration_facts').select([channelOf.as('channel'), ...percentiles]).where(released).groupBy(sql`1`).orderBy(sql`1`).execute(),
    db
      .selectFrom('oversight_declaration_facts')
      .select([sql<number>`width_bucket(clearance_seconds, ${sql.raw(`array[${CLEARANCE_BOUNDS.join(',')}]`)})`.as('class'), sql<number>`count(*)::int`.as('count')])
      .where(released)
      .groupBy(sql`1`)
      .execute(),
  ]);
  const counts = new Map(classes.map((c) => [Number(c.class), c.count]));
  const seconds = (value: number | null) => (value === null ? null : Math.round(Number(value)));
  return {
    overall: { released: overall.released, medianSeconds: seconds(overall.median), p90Seconds: seconds(overall.p90) },
    byChannel: byChannel.map((c) => ({ channel: c.channel, released: c.released, medianSeconds: seconds(c.median) ?? 0, p90Seconds: seconds(c.p90) ?? 0 })),
    histogram: [0, ...CLEARANCE_BOUNDS].map((fromSeconds, i) => ({ fromSeconds, toSeconds: CLEARANCE_BOUNDS[i] ?? null, count: counts.get(i) ?? 0 })),
  };
}

export interface RevenueRow {
  officeCode: string;
  tax: TaxCode;
  amount: number;
}

/** Duties and taxes collected (declarations paid in the period, by the day of payment), by tax and office. */
export async function revenue(db: Db, filter: CustomsFilter): Promise<RevenueRow[]> {
  let query = db
    .selectFrom('oversight_declaration_facts')
    .select('office_code')
    .select(TAX_CODES.map((code) => sql<number>`sum(${sql.ref(code)})::float8`.as(code)))
    .where('paid_on', '>=', filter.from)
    .where('paid_on', '<=', filter.to)
    .groupBy('office_code')
    .orderBy('office_code');
  if (filter.officeCode) query = query.where('office_code', '=', filter.officeCode);
  if (filter.system) query = query.where('system', '=', filter.system);
  const rows = (await query.execute()) as ({ office_code: string } & Record<TaxCode, number>)[];
  return rows.flatMap((row) => TAX_CODES.map((tax) => ({ officeCode: row.office_code, tax, amount: Number(row[tax]) })).filter((r) => r.amount !== 0));
}

export interface SystemShare {
  /** YYYY-MM */
  month: string;
  guichet: number;
  legacy: number;
  /** Guichet's share of the month's declarations, 0–1. */
  guichetShare: number;
}

/** Declarations lodged each month through Guichet and through the legacy system, side by side. */
export async function systemsShare(db: Db, filter: CustomsFilter): Promise<SystemShare[]> {
  // Counted by day first, in the index's order (a streaming aggregate), then the few hundred days by month.
  const days = db
    .selectFrom('oversight_declaration_facts')
    .select(['lodged_on', sql<number>`count(*) filter (where system = 'guichet')`.as('guichet'), sql<number>`count(*) filter (where system = 'legacy')`.as('legacy')])
    .where(lodgedIn({ ...filter, system: undefined }))
    .groupBy('lodged_on');
  const rows = await db
    .selectFrom(days.as('d'))
    .select([sql<string>`to_char(lodged_on, 'YYYY-MM')`.as('month'), sql<number>`sum(guichet)::int`.as('guichet'), sql<number>`sum(legacy)::int`.as('legacy')])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((r) => ({ ...r, guichetShare: r.guichet + r.legacy === 0 ? 0 : r.guichet / (r.guichet + r.legacy) }));
}

export interface RiskFigure {
  /** The criteria that hit most, `profileId` and its criterion kind, with the declarations they hit. */
  criteria: { profileId: string; criterion: string; count: number }[];
  /** Declarations by channel and by the outcome of their inspection (`none` when not inspected). */
  inspections: { channel: string; outcome: string; count: number }[];
}

export const TOP_CRITERIA = 10;

export async function riskAndInspections(db: Db, filter: CustomsFilter): Promise<RiskFigure> {
  const [criteria, inspections] = await Promise.all([
    db
      .selectFrom(['oversight_declaration_facts', sql<{ hit: string }>`unnest(risk_hits)`.as('hit')])
      .select([sql<string>`hit`.as('hit'), sql<number>`count(*)::int`.as('count')])
      .where(lodgedIn(filter))
      .where(sql<boolean>`risk_hits <> '{}'`)
      .groupBy(sql`1`)
      .orderBy(sql`2`, 'desc')
      .orderBy(sql`1`)
      .limit(TOP_CRITERIA)
      .execute(),
    db
      .selectFrom('oversight_declaration_facts')
      .select([channelOf.as('channel'), sql<string>`coalesce(inspection_outcome, 'none')`.as('outcome'), sql<number>`count(*)::int`.as('count')])
      .where(lodgedIn(filter))
      .groupBy([sql`1`, sql`2`])
      .orderBy(sql`1`)
      .orderBy(sql`2`)
      .execute(),
  ]);
  return {
    criteria: criteria.map(({ hit, count }) => {
      const [profileId = hit, criterion = ''] = hit.split(':');
      return { profileId, criterion, count };
    }),
    inspections,
  };
}
