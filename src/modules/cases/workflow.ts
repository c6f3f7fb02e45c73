import type { ProcedureDefinition, WorkflowState, WorkflowTransition } from '../catalogue/definition.ts';

/** Who asks to move a file: its owner, a staff member with grants (agency codes), or the platform itself. */
export type WorkflowActor =
  | { kind: 'applicant'; isOwner: boolean }
  | { kind: 'staff'; grants: readonly { role: string; agencyCode: string | null }[] }
  | { kind: 'system'; event: 'submitted' | 'fee_paid' };

export type Refusal =
  | { refused: 'not_in_this_state'; status: 409 }
  | { refused: 'unknown_action'; status: 409 }
  | { refused: 'role'; status: 403 }
  | { refused: 'agency'; status: 403 }
  | { refused: 'comment_required'; status: 400 };

export type Decision = { allowed: true; transition: WorkflowTransition; to: WorkflowState } | ({ allowed: false } & Refusal);

function stateOf(definition: ProcedureDefinition, id: string): WorkflowState {
  const state = definition.workflow.states.find((s) => s.id === id);
  if (!state) throw new Error(`state ${id} is not in ${definition.id} v${definition.version}`);
  return state;
}

/** The agency whose staff hold a file in this state: the reviewing agency, or the issuing one. */
export function holdingAgency(definition: ProcedureDefinition, stateId: string): string {
  return stateOf(definition, stateId).agency ?? definition.agency;
}

/** The agency whose staff may take a transition from a state. */
export function actingAgency(definition: ProcedureDefinition, transition: WorkflowTransition, from: string): string {
  return transition.agency ?? holdingAgency(definition, from);
}

/**
 * Decides whether `actor` may take `action` on a file in state `from`. Pure: the definition is the
 * whole rule book. Order matters for the caller's error: an action unknown here is 409, then who
 * may take it (403), then what it needs (a comment, 400).
 */
export function decide(definition: ProcedureDefinition, from: string, action: string, actor: WorkflowActor, comment?: string): Decision {
  const transition = definition.workflow.transitions.find((t) => t.action === action);
  if (!transition) return { allowed: false, refused: 'unknown_action', status: 409 };
  if (!transition.from.includes(from)) return { allowed: false, refused: 'not_in_this_state', status: 409 };
  if (transition.by !== actor.kind) return { allowed: false, refused: 'role', status: 403 };
  if (actor.kind === 'applicant' && !actor.isOwner) return { allowed: false, refused: 'role', status: 403 };
  if (actor.kind === 'system' && transition.on !== actor.event) return { allowed: false, refused: 'not_in_this_state', status: 409 };
  if (actor.kind === 'staff') {
    const roles: readonly string[] = transition.roles ?? [];
    const withRole = actor.grants.filter((g) => roles.includes(g.role));
    if (withRole.length === 0) return { allowed: false, refused: 'role', status: 403 };
    const agency = actingAgency(definition, transition, from);
    if (!withRole.some((g) => g.agencyCode === agency)) return { allowed: false, refused: 'agency', status: 403 };
  }
  if (transition.requiresComment && !comment?.trim()) return { allowed: false, refused: 'comment_required', status: 400 };
  return { allowed: true, transition, to: stateOf(definition, transition.to) };
}

/** The actions `actor` may take now (a comment is assumed given): what the UI offers as buttons. */
export function availableActions(definition: ProcedureDefinition, from: string, actor: WorkflowActor): WorkflowTransition[] {
  return definition.workflow.transitions.filter((t) => decide(definition, from, t.action, actor, 'comment').allowed);
}

/** The automatic step a platform event triggers from this state, if any. */
export function automaticStep(definition: ProcedureDefinition, from: string, event: 'submitted' | 'fee_paid'): WorkflowTransition | undefined {
  return definition.workflow.transitions.find((t) => t.by === 'system' && t.on === event && t.from.includes(from));
}

/** The file owes its fee now: it has one, unpaid, and its state has a step taken when the fee is paid. */
export function feeIsDue(file: { fee: unknown; fee_paid_at: Date | null; state: string }, definition: ProcedureDefinition): boolean {
  return file.fee !== null && file.fee_paid_at === null && automaticStep(definition, file.state, 'fee_paid') !== undefined;
}

/** The automatic steps a platform event sets off from a state, one after another, until none applies. */
export function automaticPath(definition: ProcedureDefinition, from: string, event: 'submitted' | 'fee_paid'): WorkflowTransition[] {
  const path: WorkflowTransition[] = [];
  for (let step = automaticStep(definition, from, event); step && !path.includes(step); step = automaticStep(definition, step.to, event)) path.push(step);
  return path;
}

export const isFinal = (definition: ProcedureDefinition, stateId: string) => stateOf(definition, stateId).outcome !== undefined;
