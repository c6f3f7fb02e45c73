import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import { agencyScope, type Principal } from '../../platform/auth/policy.ts';
import { forbiddenAgency } from '../../platform/http/errors.ts';
import { DRAFT } from './access.ts';
import { today } from './calendar.ts';
import type { CaseCore } from './core.ts';
import { addWorkingDays, type DeadlineStatus } from './working-days.ts';
import { containing } from '../../platform/db/like.ts';

export interface QueueFilters {
  agency?: string | undefined;
  /** `queue` (default): files waiting on an agency; `all`: every submitted file of the agency, closed ones too. */
  view?: 'queue' | 'all' | undefined;
  state?: string | undefined;
  procedureId?: string | undefined;
  deadline?: DeadlineStatus | undefined;
  assigned?: 'me' | 'unassigned' | 'any' | undefined;
  escalated?: boolean | undefined;
  q?: string | undefined;
  sort?: 'dueOn' | 'submittedAt' | 'reference' | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const SORT_COLUMNS = { dueOn: 'due_on', submittedAt: 'submitted_at', reference: 'reference' } as const;

export function queueOperations(core: CaseCore) {
  const { db, calendar } = core.deps;

  /** A back-office queue: the files of the caller's agencies (or one of them), filtered, sorted and paged. */
  async function queue(principal: Principal, filters: QueueFilters) {
    const scope = agencyScope(principal, 'cases.work');
    let agencies = scope;
    if (filters.agency) {
      const id = await core.agencies.idOf(filters.agency);
      if (!id || (scope !== null && !scope.includes(id))) throw forbiddenAgency();
      agencies = [id];
    }
    const inQueue = (filters.view ?? 'queue') === 'queue' && !filters.state;
    const day = today();
    const dueSoonUntil = addWorkingDays(day, 1, calendar);
    const where = (eb: ExpressionBuilder<Database, 'applications'>) => {
      const conditions = [eb('state', '!=', DRAFT)];
      if (agencies !== null) {
        conditions.push(
          inQueue ? eb('holding_agency_id', 'in', agencies) : eb.or([eb('agency_id', 'in', agencies), eb('holding_agency_id', 'in', agencies)]),
        );
      } else if (inQueue) conditions.push(eb('holding_agency_id', 'is not', null));
      if (filters.state) conditions.push(eb('state', '=', filters.state));
      if (filters.procedureId) conditions.push(eb('procedure_id', '=', filters.procedureId));
      if (filters.deadline === 'overdue') conditions.push(eb('due_on', '<', day));
      if (filters.deadline === 'due_soon') conditions.push(eb.and([eb('due_on', '>=', day), eb('due_on', '<=', dueSoonUntil)]));
      if (filters.deadline === 'on_time') conditions.push(eb('due_on', '>', dueSoonUntil));
      if (filters.assigned === 'me') conditions.push(eb('assigned_to', '=', principal.id));
      if (filters.assigned === 'unassigned') conditions.push(eb('assigned_to', 'is', null));
      if (filters.escalated !== undefined) conditions.push(eb('escalated_at', filters.escalated ? 'is not' : 'is', null));
      for (const word of (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) conditions.push(eb('search_text', 'like', containing(word)));
      return eb.and(conditions);
    };
    const order = filters.order ?? 'asc';
    const column = SORT_COLUMNS[filters.sort ?? 'dueOn'];
    const [rows, count] = await Promise.all([
      db
        .selectFrom('applications')
        .selectAll()
        .where(where)
        .orderBy(column, (ob) => (order === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()))
        .orderBy('submitted_at', 'asc')
        .orderBy('id')
        .limit(filters.limit ?? 50)
        .offset(filters.offset ?? 0)
        .execute(),
      db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('total')).where(where).executeTakeFirstOrThrow(),
    ]);
    return { items: await core.summaries(db, rows), total: Number(count.total) };
  }

  /** My files: the ones I filed and, for a business account, every file of my company. */
  async function mine(principal: Principal, filters: { state?: string | undefined; procedureId?: string | undefined }) {
    let query = db
      .selectFrom('applications')
      .selectAll()
      .where((eb) => (principal.companyId ? eb.or([eb('applicant_id', '=', principal.id), eb('company_id', '=', principal.companyId)]) : eb('applicant_id', '=', principal.id)))
      .orderBy('updated_at', 'desc')
      .limit(200);
    if (filters.state) query = query.where('state', '=', filters.state);
    if (filters.procedureId) query = query.where('procedure_id', '=', filters.procedureId);
    return { items: await core.summaries(db, await query.execute()) };
  }

  return { queue, mine };
}
