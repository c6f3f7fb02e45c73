import type { Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { procedureStatistics, today, type ProcedureStatistics } from '../cases/index.ts';
import { permitUsage, type PermitUsage } from '../permits/index.ts';
import { agenciesInView, assertCustomsOversight } from './access.ts';
import type { FigureTable } from './csv.ts';
import { clearanceTime, declarationsPerDay, revenue, riskAndInspections, systemsShare, type ClearanceTime, type CustomsFilter, type DailyCount, type RevenueRow, type RiskFigure, type SystemShare } from './customs-figures.ts';
import { periodOf, type Period } from './period.ts';
import type { FactSystem } from './schema.ts';

/** The filters a dashboard figure is asked for (routes.ts validates their shape). */
export interface FigureQuery {
  from?: string | undefined;
  to?: string | undefined;
  officeCode?: string | undefined;
  agency?: string | undefined;
  system?: FactSystem | undefined;
}

export interface FigureDeps {
  db: Db;
  /** Customs offices known to the reference data: an unknown one is a 400, not an empty chart. */
  isKnownOffice(code: string): Promise<boolean>;
  nationalCurrency: string;
  today?: () => string;
}

interface Figure<T> {
  /** Customs figures are the customs administration's; agency figures are each ministry's own. */
  audience: 'customs' | 'agency';
  read(deps: FigureDeps, principal: Principal, query: FigureQuery, period: Period): Promise<T>;
  table(data: T): FigureTable;
}

async function customsFilter(deps: FigureDeps, principal: Principal, query: FigureQuery, period: Period): Promise<CustomsFilter> {
  await assertCustomsOversight(deps.db, principal);
  if (query.officeCode !== undefined && !(await deps.isKnownOffice(query.officeCode))) throw fieldError(400, 'oversight_office_unknown', 'querystring.officeCode', { officeCode: query.officeCode });
  return { ...period, officeCode: query.officeCode, system: query.system };
}

const customs = <T>(compute: (db: Db, filter: CustomsFilter, deps: FigureDeps) => Promise<T>, table: (data: T) => FigureTable): Figure<T> => ({
  audience: 'customs',
  read: async (deps, principal, query, period) => compute(deps.db, await customsFilter(deps, principal, query, period), deps),
  table,
});

const FIGURES = {
  'declarations-per-day': customs(
    async (db, filter) => ({ rows: await declarationsPerDay(db, filter) }),
    ({ rows }: { rows: DailyCount[] }) => ({ columns: ['day', 'regime', 'channel', 'declarations'], rows: rows.map((r) => [r.day, r.regime, r.channel, r.count]) }),
  ),
  'clearance-time': customs(clearanceTime, (data: ClearanceTime) => ({
    columns: ['channel', 'released', 'median_seconds', 'p90_seconds'],
    rows: [...data.byChannel.map((c) => [c.channel, c.released, c.medianSeconds, c.p90Seconds]), ['all', data.overall.released, data.overall.medianSeconds, data.overall.p90Seconds]],
  })),
  revenue: customs(
    async (db, filter, deps) => ({ currency: deps.nationalCurrency, rows: await revenue(db, filter) }),
    ({ rows, currency }: { currency: string; rows: RevenueRow[] }) => ({ columns: ['office', 'tax', 'amount', 'currency'], rows: rows.map((r) => [r.officeCode, r.tax, r.amount, currency]) }),
  ),
  'systems-share': customs(
    async (db, filter) => ({ months: await systemsShare(db, filter) }),
    ({ months }: { months: SystemShare[] }) => ({ columns: ['month', 'guichet', 'legacy', 'guichet_share'], rows: months.map((m) => [m.month, m.guichet, m.legacy, Math.round(m.guichetShare * 10_000) / 10_000]) }),
  ),
  risk: customs(riskAndInspections, (data: RiskFigure) => ({
    columns: ['profile', 'criterion', 'channel', 'outcome', 'declarations'],
    rows: [...data.criteria.map((c) => [c.profileId, c.criterion, null, null, c.count]), ...data.inspections.map((i) => [null, null, i.channel, i.outcome, i.count])],
  })),
  licences: {
    audience: 'agency',
    async read(deps, principal, query, period) {
      const agencies = await agenciesInView(deps.db, principal, query.agency);
      return { rows: await permitUsage(deps.db, { ...period, agencyCodes: agencies?.codes ?? null }) };
    },
    table: ({ rows }) => ({
      columns: ['agency', 'permit_type', 'unit', 'issued', 'active', 'authorised', 'drawn', 'drawing_declarations', 'held_now'],
      rows: rows.map((r) => [r.agencyCode, r.type, r.unit, r.issued, r.active, r.authorised, r.drawn, r.drawingDeclarations, r.heldNow]),
    }),
  } satisfies Figure<{ rows: PermitUsage[] }>,
  procedures: {
    audience: 'agency',
    async read(deps, principal, query, period) {
      const agencies = await agenciesInView(deps.db, principal, query.agency);
      return { rows: await procedureStatistics(deps.db, { ...period, agencyIds: agencies?.ids ?? null }) };
    },
    table: ({ rows }) => ({
      columns: ['agency', 'procedure', 'submitted', 'decided', 'median_days', 'p90_days', 'on_time', 'overdue_now'],
      rows: rows.map((r) => [r.agencyCode, r.procedureId, r.submitted, r.decided, r.medianDays, r.p90Days, r.onTime, r.overdueNow]),
    }),
  } satisfies Figure<{ rows: ProcedureStatistics[] }>,
};

export type FigureName = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];
export const audienceOf = (name: FigureName) => FIGURES[name].audience;

/** One dashboard figure for the principal, over the period asked (or the last 30 days), with its table. */
export async function readFigure(deps: FigureDeps, principal: Principal, name: FigureName, query: FigureQuery): Promise<{ period: Period; data: object; table: FigureTable }> {
  const period = periodOf(query, (deps.today ?? today)());
  const figure = FIGURES[name] as Figure<object>;
  const data = await figure.read(deps, principal, query, period);
  return { period, data, table: figure.table(data) };
}
