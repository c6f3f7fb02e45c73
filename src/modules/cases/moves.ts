import type { Updateable } from 'kysely';
import { recordAudit, type AuditChange, type ChangeContext } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { ProcedureDefinition, WorkflowTransition } from '../catalogue/index.ts';
import type { AgencyDirectory } from './agencies.ts';
import { today } from './calendar.ts';
import type { CaseTopics } from './events.ts';
import type { ApplicationsTable } from './schema.ts';
import type { FileRow } from './store.ts';
import { automaticStep, holdingAgency } from './workflow.ts';
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
export const timelineActor = (context: ChangeContext) => ({
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

/**
 * Moves a locked file into `to` in the caller's transaction: the holder and its deadline change,
 * a claim lapses when the file leaves its agency, the history records it, and the step joins
 * `steps` for `finishChange` to publish and audit. Callers have already asked the workflow engine
 * whether the move is allowed.
 */
export async function moveFile(
  trx: Trx,
  deps: MoveDeps,
  context: ChangeContext,
  file: FileRow,
  definition: ProcedureDefinition,
  move: { action: string; to: string; kind: 'transition' | 'submitted'; comment?: string | null; set?: Updateable<ApplicationsTable> },
  steps: Step[],
): Promise<FileRow> {
  const state = definition.workflow.states.find((s) => s.id === move.to);
  if (!state) throw new Error(`state ${move.to} is not in ${definition.id} v${definition.version}`);
  const holdingAgencyId = state.holder === 'agency' ? await deps.agencies.idOf(holdingAgency(definition, state.id), trx) : undefined;
  const holding = holdingAgencyId ?? null;
  const now = new Date();
  // The file and its history in one statement: moves sit inside the busiest transactions.
  const moved = await trx
    .with('moved', (db) =>
      db
        .updateTable('applications')
        .set({
          ...(move.set ?? {}),
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
      db.insertInto('application_events').values(eventValues(context, file.id, { kind: move.kind, action: move.action, from: file.state, to: state.id, comment: move.comment ?? null })),
    )
    .selectFrom('moved')
    .selectAll()
    .executeTakeFirstOrThrow();
  steps.push({ action: move.action, from: file.state, to: state.id });
  return moved;
}

/** Takes the automatic steps a platform event triggers, one after another, until none applies. */
export async function runAutomaticSteps(
  trx: Trx,
  deps: MoveDeps,
  context: ChangeContext,
  file: FileRow,
  definition: ProcedureDefinition,
  event: 'submitted' | 'fee_paid',
  steps: Step[],
): Promise<FileRow> {
  let current = file;
  const taken = new Set<WorkflowTransition>();
  for (let step = automaticStep(definition, current.state, event); step && !taken.has(step); step = automaticStep(definition, current.state, event)) {
    taken.add(step);
    current = await moveFile(trx, deps, context, current, definition, { action: step.action, to: step.to, kind: 'transition' }, steps);
  }
  return current;
}

/**
 * Closes a change that moved a file through one or more steps: one outbox event from the state
 * before to the state after (listing the steps, so a subscriber tells the applicant once), then
 * one audit entry, last, so the chain head is locked from that statement to the commit only.
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
