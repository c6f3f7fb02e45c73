import type { ProcedureDefinition, WorkflowTransition } from '../catalogue/index.ts';
import { DRAFT, type Relation } from './access.ts';
import type { AttachmentRow, EventRow, FileRow, Names } from './store.ts';
import { feeIsDue } from './workflow.ts';
import { deadlineStatus, type WorkingCalendar } from './working-days.ts';

type Localised = ProcedureDefinition['title'];

/** How a draft is labelled: it is in no workflow state yet. */
const DRAFT_LABEL: Localised = { fr: 'Brouillon', ar: 'مسودة', en: 'Draft' };

export interface ViewContext {
  definition: ProcedureDefinition;
  agencyCode: string;
  holdingAgencyCode: string | null;
  names: Names;
  calendar: WorkingCalendar;
  today: string;
}

function stateOf(definition: ProcedureDefinition, id: string) {
  return definition.workflow.states.find((s) => s.id === id);
}

const person = (names: Names, id: string) => ({ id, label: names.user.get(id) ?? '' });

/** The file as a list shows it (queue, my files). */
export function summaryOf(file: FileRow, context: ViewContext) {
  const { definition, names } = context;
  const state = file.state === DRAFT ? undefined : stateOf(definition, file.state);
  return {
    id: file.id,
    reference: file.reference,
    procedureId: file.procedure_id,
    procedureVersion: file.procedure_version,
    procedureTitle: definition.title,
    agency: context.agencyCode,
    holdingAgency: context.holdingAgencyCode ?? context.agencyCode,
    state: file.state,
    stateLabel: state?.label ?? DRAFT_LABEL,
    holder: state?.holder ?? ('applicant' as const),
    outcome: state?.outcome ?? null,
    applicant: person(names, file.applicant_id),
    company: file.company_id ? { id: file.company_id, name: names.company.get(file.company_id) ?? '' } : null,
    submittedAt: file.submitted_at?.toISOString() ?? null,
    dueOn: file.due_on,
    deadlineStatus: file.due_on ? deadlineStatus(context.today, file.due_on, context.calendar) : null,
    assignedTo: file.assigned_to ? person(names, file.assigned_to) : null,
    escalated: file.escalated_at !== null,
    updatedAt: file.updated_at.toISOString(),
  };
}

export type ApplicationSummary = ReturnType<typeof summaryOf>;

export function timelineEntryOf(event: EventRow, definition: ProcedureDefinition) {
  const transition = event.action ? definition.workflow.transitions.find((t) => t.action === event.action) : undefined;
  return {
    id: event.id,
    at: event.at.toISOString(),
    kind: event.kind,
    action: event.action,
    label: transition?.label ?? null,
    fromState: event.from_state,
    toState: event.to_state,
    actor: { id: event.actor_id ?? '', label: event.actor_label, kind: event.actor_kind },
    comment: event.comment,
    internal: event.internal,
  };
}

export type TimelineEntry = ReturnType<typeof timelineEntryOf>;

export function attachmentViewOf(row: AttachmentRow, names: Names) {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    size: row.size,
    mediaType: row.media_type,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: person(names, row.uploaded_by),
  };
}

export type AttachmentView = ReturnType<typeof attachmentViewOf>;

export interface FileDetails {
  events: EventRow[];
  attachments: AttachmentRow[];
  relation: Relation;
  actions: WorkflowTransition[];
  editable: boolean;
}

/**
 * The whole file for one reader. The applicant never sees staff-only notes; a cashier who is
 * neither applicant nor staff sees what is owed, not what was filed.
 */
export function viewOf(file: FileRow, context: ViewContext, details: FileDetails) {
  const { relation } = details;
  const seesContent = relation.applicant || relation.staff;
  const fee = file.fee ? { ...file.fee, paid: file.fee_paid_at !== null, due: feeIsDue(file, context.definition) } : null;
  return {
    ...summaryOf(file, context),
    data: seesContent ? file.data : {},
    fee,
    attachments: seesContent ? details.attachments.map((a) => attachmentViewOf(a, context.names)) : [],
    timeline: details.events.filter((e) => relation.staff || !e.internal).map((e) => timelineEntryOf(e, context.definition)),
    actions: details.actions.map((t) => ({ action: t.action, label: t.label, requiresComment: t.requiresComment ?? false })),
    editable: details.editable,
    createdAt: file.created_at.toISOString(),
  };
}

export type ApplicationView = ReturnType<typeof viewOf>;
