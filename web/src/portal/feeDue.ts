import type { ApplicationView } from '../applications/types';
import type { ProcedureDefinition } from './definition';

/**
 * The workflow waits for the fee: it is unpaid, and the file's state has a transition taken when
 * the fee is paid (`on: fee_paid`). The server decides the same (cases/fee-settlement.ts) and
 * refuses a payment otherwise; this only decides whether the page offers to pay.
 */
export function feeDue(view: Pick<ApplicationView, 'fee' | 'state'>, definition: Pick<ProcedureDefinition, 'workflow'>): boolean {
  if (!view.fee || view.fee.paid) return false;
  return definition.workflow.transitions.some((transition) => transition.on === 'fee_paid' && transition.from.includes(view.state));
}
