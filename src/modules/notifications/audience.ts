import type { ProcedureDefinition } from '../catalogue/index.ts';

/** What an applicant is told about a move of their file; each kind has its template. */
export type ApplicantNoticeKind = 'received' | 'payment_due' | 'action_required' | 'approved' | 'rejected' | 'withdrawn';

/**
 * Whether a move concerns the applicant, decided from the pinned definition rather than from state
 * ids (each ministry names its states): a final state (its outcome), a state the applicant holds
 * (a fee to pay when the way out is the payment, otherwise something to correct), or the filing
 * itself when it ends with an agency. Moves between agency steps stay internal: the applicant sees them on the file's page.
 */
export function applicantNotice(definition: ProcedureDefinition, fromState: string | null, toState: string): ApplicantNoticeKind | null {
  const states = definition.workflow.states;
  const to = states.find((s) => s.id === toState);
  if (!to) return null;
  if (to.outcome) return to.outcome;
  if (to.holder === 'applicant') return awaitsPayment(definition, to.id) ? 'payment_due' : 'action_required';
  const filed = fromState === null || !states.some((s) => s.id === fromState);
  // A submission is one change however many automatic steps it takes (initial state, fees…):
  // the applicant hears where it ended, once.
  return filed ? 'received' : null;
}

/** The applicant's way out of this state is paying the fee (the system step taken on `fee_paid`). */
function awaitsPayment(definition: ProcedureDefinition, stateId: string): boolean {
  return definition.workflow.transitions.some((t) => t.by === 'system' && t.on === 'fee_paid' && t.from.includes(stateId));
}
