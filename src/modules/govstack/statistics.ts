import type { Static } from 'typebox';
import type { Principal } from '../../platform/auth/policy.ts';
import { notFound } from '../../platform/http/errors.ts';
import { listProcedures } from '../catalogue/index.ts';
import type { ApplicationSummary } from '../cases/index.ts';
import type { GovstackContext } from './applications.ts';
import type { Statistic } from './schemas.ts';
import { sentBackStatesOf } from './status.ts';

export type Timeframe = 'day' | 'week' | 'month' | 'year';

export interface StatisticsQuery {
  startDate?: string | undefined;
  endDate?: string | undefined;
  registrationName?: string | undefined;
  operator?: string | undefined;
  role?: string | undefined;
  timeframe?: Timeframe | undefined;
}

const DAYS: Record<Timeframe, number> = { day: 1, week: 7, month: 30, year: 365 };
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The period counted: the dates given, else the last day/week/month/year up to today, else all time. */
export function periodOf(query: StatisticsQuery, today = new Date()): { from: string | null; to: string | null } {
  if (query.startDate || query.endDate) return { from: query.startDate ?? null, to: query.endDate ?? null };
  if (!query.timeframe) return { from: null, to: null };
  const from = new Date(today.getTime() - (DAYS[query.timeframe] - 1) * 86_400_000);
  return { from: isoDay(from), to: isoDay(today) };
}

/** Counts over files as the statistics API names them: a decision is processed, approved or rejected; a correction asked for is sent back. */
export function countFiles(files: readonly Pick<ApplicationSummary, 'outcome'>[], sentBack: (file: number) => boolean) {
  return {
    processed: files.filter((f) => f.outcome !== null).length,
    approved: files.filter((f) => f.outcome === 'approved').length,
    sentBack: files.filter((_f, i) => sentBack(i)).length,
    rejected: files.filter((f) => f.outcome === 'rejected' || f.outcome === 'withdrawn').length,
  };
}

const folded = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const PAGE = 200;
/** Enough for an agency's statistics page; beyond that the counts need the cases module to aggregate in SQL. */
const MOST = 10_000;

/** Every submitted file of the caller's agencies, page by page. */
async function agencyFiles(context: GovstackContext, principal: Principal): Promise<ApplicationSummary[]> {
  const files: ApplicationSummary[] = [];
  for (let offset = 0; offset < MOST; offset += PAGE) {
    const page = await context.cases.queue(principal, { view: 'all', limit: PAGE, offset, sort: 'submittedAt' });
    files.push(...page.items);
    if (files.length >= page.total || page.items.length < PAGE) break;
  }
  return files;
}

export async function statistics(context: GovstackContext, principal: Principal, query: StatisticsQuery): Promise<Static<typeof Statistic>[]> {
  let procedureIds: Set<string> | null = null;
  if (query.registrationName) {
    const wanted = folded(query.registrationName);
    const matching = (await listProcedures(context.db, {})).filter((p) => p.id === query.registrationName || Object.values(p.title).some((t) => folded(t) === wanted));
    if (matching.length === 0) throw notFound('procedure', query.registrationName);
    procedureIds = new Set(matching.map((p) => p.id));
  }
  const { from, to } = periodOf(query);
  const operator = query.operator ? folded(query.operator) : null;
  const files = (await agencyFiles(context, principal)).filter((f) => {
    const day = f.updatedAt.slice(0, 10);
    if (procedureIds && !procedureIds.has(f.procedureId)) return false;
    if ((from && day < from) || (to && day > to)) return false;
    if (operator && !folded(f.assignedTo?.label ?? '').includes(operator)) return false;
    if (query.role && f.holdingAgency !== query.role) return false;
    return true;
  });
  const sentBack = await Promise.all(files.map(async (f) => (await sentBackStatesOf(context.db, f)).has(f.state)));
  return [
    {
      ...countFiles(files, (i) => sentBack[i] === true),
      references: {
        ...(from ? { startDate: from } : {}),
        ...(to ? { endDate: to } : {}),
        ...(query.registrationName ? { registrationName: query.registrationName } : {}),
        ...(query.operator ? { operator: query.operator } : {}),
        ...(query.role ? { role: query.role } : {}),
        timeframeDay: query.timeframe === 'day',
        timeframeWeek: query.timeframe === 'week',
        timeframeMonth: query.timeframe === 'month',
        timeframeYear: query.timeframe === 'year',
      },
    },
  ];
}
