import { sql, type Updateable } from 'kysely';
import { recordAudit, type AuditChange, type ChangeContext } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { ProcedureDefinition } from '../catalogue/index.ts';
import type { AgencyDirectory } from './agencies.ts';
import { today } from './calendar.ts';
import type { CaseTopics } from './events.ts';
import type { ApplicationsTable } from './schema.ts';
import type { FileRow } from './store.ts';
import { holdingAgency } from './workflow.ts';
import { addWorkingDays, type WorkingCalendar } from './working-days.ts';

/** One workflow step of a change, as its audit entry lists them. */
export interface Step {
  action: string;
  from: string;
  to: string;
}

export interface MoveDeps {
  bus: EventBus<CaseTopics>;
  agencies: AgencyDirectory;
  calendar: WorkingCalendar;
}

/** Who the timeline names for a change: the audit actor. */
const timelineActor = (context: ChangeContext) => ({
  actor_kind: context.actor.type === 'anonymous' ? 'system' : context.actor.type,
  actor_id: context.actor.id,
  actor_label: context.actor.label,
});

interface HistoryEntry {
  kind: string;
  action?: string | null;
  from?: string | null;
  to?: string | null;
  comment?: string | null;
  internal?: boolean;
}

const eventValues = (context: ChangeContext, fileId: string, entry: HistoryEntry) => ({
  application_id: fileId,
  kind: entry.kind,
  action: entry.action ?? null,
  from_state: entry.from ?? null,
  to_state: entry.to ?? null,
  comment: entry.comment ?? null,
  internal: entry.internal ?? false,
  ...timelineActor(context),
});

/** Appends one entry to a file's history. */
export async function addEvent(trx: Trx, context: ChangeContext, fileId: string, entry: HistoryEntry) {
  return trx.insertInto('application_events').values(eventValues(context, fileId, entry)).returningAll().executeTakeFirstOrThrow();
}

/** One step of a move: the action taken and the state it leads to. */
export interface PathStep {
  action: string;
  to: string;
  kind: 'transition' | 'submitted';
  comment?: string | null;
}

/** The steps of automatic transitions, as a move takes them. */
export const automaticSteps = (transitions: readonly { action: string; to: string }[]): PathStep[] =>
  transitions.map((t) => ({ action: t.action, to: t.to, kind: 'transition' }));

/**
 * Moves a locked file along `path` in the caller's transaction, in one statement however many
 * steps: the file lands in the last state (its holder and deadline change, a claim lapses when the
 * file leaves its agency, `set` rides along) and the history gets a row per step. Returns the file
 * and the steps for `finishChange` to publish and audit. Callers have already asked the workflow
 * engine whether each step is allowed.
 */
export async function moveFile(
  trx: Trx,
  deps: MoveDeps,
  context: ChangeContext,
  file: FileRow,
  definition: ProcedureDefinition,
  path: readonly PathStep[],
  set: Updateable<ApplicationsTable> = {},
): Promise<{ moved: FileRow; steps: Step[] }> {
  const steps: Step[] = [];
  for (const step of path) steps.push({ action: step.action, from: steps.at(-1)?.to ?? file.state, to: step.to });
  const last = path.at(-1);
  if (!last) return { moved: file, steps };
  const state = definition.workflow.states.find((s) => s.id === last.to);
  if (!state) throw new Error(`state ${last.to} is not in ${definition.id} v${definition.version}`);
  const holding = state.holder === 'agency' ? ((await deps.agencies.idOf(holdingAgency(definition, state.id), trx)) ?? null) : null;
  const now = new Date();
  const moved = await trx
    .with('moved', (db) =>
      db
        .updateTable('applications')
        .set({
          ...set,
          state: state.id,
          holding_agency_id: holding,
          state_entered_at: now,
          due_on: state.deadlineWorkingDays ? addWorkingDays(today(now), state.deadlineWorkingDays, deps.calendar) : null,
          escalated_at: null,
          assigned_to: holding !== null && holding === file.holding_agency_id ? file.assigned_to : null,
          updated_at: now,
        })
        .where('id', '=', file.id)
        .returningAll(),
    )
    .with('history', (db) =>
      db
        .insertInto('application_events')
        .values(
          path.map((step, index) => ({
            ...eventValues(context, file.id, { kind: step.kind, action: step.action, from: steps[index]?.from, to: step.to, comment: step.comment ?? null }),
            // One statement, several rows: a microsecond apart, so the history keeps their order.
            at: sql<Date>`clock_timestamp() + ${index} * interval '1 microsecond'`,
          })),
        ),
    )
    .selectFrom('moved')
    .selectAll()
    .executeTakeFirstOrThrow();
  return { moved, steps };
}

/**
 * Closes a change that moved a file through one or more steps: one outbox event from the state
 * before to the state after (listing the steps, so a subscriber tells the applicant once), then
 * one audit entry, last.
 */
export async function finishChange(
  trx: Trx,
  deps: MoveDeps,
  context: ChangeContext,
  change: { before: FileRow; after: FileRow; definition: ProcedureDefinition; action: string; comment?: string | null; steps: Step[] },
  audit: AuditChange,
): Promise<void> {
  const { before, after, definition, steps } = change;
  if (steps.length > 0) {
    await deps.bus.emit(trx, 'application.state_changed', {
      applicationId: before.id,
      reference: before.reference,
      procedureId: before.procedure_id,
      procedureVersion: before.procedure_version,
      agencyCode: await deps.agencies.codeOf(before.agency_id, trx),
      applicantId: before.applicant_id,
      action: change.action,
      fromState: before.state,
      toState: after.state,
      outcome: definition.workflow.states.find((s) => s.id === after.state)?.outcome ?? null,
      comment: change.comment ?? null,
      steps,
      occurredAt: new Date().toISOString(),
    });
  }
  await recordAudit(trx, context, { ...audit, before: { state: before.state }, after: { state: after.state, ...(audit.after as object | undefined) }, details: { ...audit.details, steps } });
}
