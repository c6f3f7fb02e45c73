import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { pinnedDefinition } from '../catalogue/index.ts';
import { today } from './calendar.ts';

/** One agency's procedure over a period: how many files, how fast decided, how well deadlines were kept. */
export interface ProcedureStatistics {
  agencyCode: string;
  procedureId: string;
  /** Files submitted in the period. */
  submitted: number;
  /** Of those, the ones in a final state now (approved, rejected, withdrawn). */
  decided: number;
  /** Submission to decision of the decided ones, in days (calendar time, fractions kept). */
  medianDays: number | null;
  p90Days: number | null;
  /** Files whose step deadlines were all kept: never escalated, and not past the current step's due day. */
  onTime: number;
  /** Open files past their current step's due day. */
  overdueNow: number;
}

export interface StatisticsFilter {
  /** YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** The issuing agencies counted; null for all. */
  agencyIds: readonly string[] | null;
}

/** Which states of the pinned versions are final: the workflow says so, not the state's name. */
async function finalStates(db: Db, versionIds: readonly string[]): Promise<{ version: string; state: string }[]> {
  const definitions = await Promise.all(versionIds.map(async (id) => ({ id, definition: await pinnedDefinition(db, id) })));
  return definitions.flatMap(({ id, definition }) => definition.workflow.states.filter((s) => s.outcome !== undefined).map((s) => ({ version: id, state: s.id })));
}

/**
 * Processing time and deadline compliance of the online procedures (the ministries' dashboard):
 * files submitted in the period, by issuing agency and procedure. A step deadline missed leaves an
 * `escalated` event on the file (escalation.ts), so a file is on time when it has none and its
 * current step is not overdue today.
 */
export async function procedureStatistics(db: Db, filter: StatisticsFilter, day = today()): Promise<ProcedureStatistics[]> {
  if (filter.agencyIds?.length === 0) return [];
  const inScope = sql`a.submitted_at >= ${filter.from}::date and a.submitted_at < (${filter.to}::date + 1)
    and ${filter.agencyIds === null ? sql`true` : sql`a.agency_id in (${sql.join(filter.agencyIds)})`}`;
  const { rows: versions } = await sql<{ id: string }>`select distinct a.procedure_version_id as id from applications a where ${inScope}`.execute(db);
  const finals = await finalStates(db, versions.map((v) => v.id));
  const isFinal = finals.length === 0 ? sql`false` : sql`(a.procedure_version_id::text, a.state) in (${sql.join(finals.map((f) => sql`(${f.version}, ${f.state})`))})`;
  const days = sql`extract(epoch from (a.state_entered_at - a.submitted_at)) / 86400`;
  const { rows } = await sql<ProcedureStatistics>`
    select g.code as "agencyCode", a.procedure_id as "procedureId",
           count(*)::int as submitted,
           (count(*) filter (where ${isFinal}))::int as decided,
           (percentile_cont(0.5) within group (order by ${days}) filter (where ${isFinal}))::float8 as "medianDays",
           (percentile_cont(0.9) within group (order by ${days}) filter (where ${isFinal}))::float8 as "p90Days",
           (count(*) filter (where not exists (select 1 from application_events e where e.application_id = a.id and e.kind = 'escalated')
                              and (${isFinal} or a.due_on is null or a.due_on >= ${day})))::int as "onTime",
           (count(*) filter (where not ${isFinal} and a.due_on < ${day}))::int as "overdueNow"
      from applications a join agencies g on g.id = a.agency_id
     where ${inScope}
     group by 1, 2
     order by 1, 2`.execute(db);
  return rows.map((r) => ({ ...r, medianDays: r.medianDays === null ? null : Number(r.medianDays), p90Days: r.p90Days === null ? null : Number(r.p90Days) }));
}
