import { conflict } from '../../../platform/http/errors.ts';
import type { Channel, DeclarationState } from './schema.ts';

/**
 * draft → lodged → checked → channel assigned → (inspected) → assessed → paid → released, or
 * rejected from any state before payment. Lodged is also where a declaration waits while an
 * agency's service has not yet confirmed a cited document.
 */
const NEXT: Record<DeclarationState, readonly DeclarationState[]> = {
  draft: ['lodged'],
  lodged: ['checked', 'rejected'],
  checked: ['channel_assigned', 'rejected'],
  channel_assigned: ['inspected', 'assessed', 'rejected'],
  inspected: ['assessed', 'rejected'],
  assessed: ['paid', 'rejected'],
  paid: ['released'],
  released: [],
  rejected: [],
};

export const canMove = (from: DeclarationState, to: DeclarationState) => NEXT[from].includes(to);

export function assertMove(reference: string, from: DeclarationState, to: DeclarationState): void {
  if (!canMove(from, to)) throw conflict('declaration_wrong_state', { reference, state: from, wanted: to });
}

/** Where a checked declaration goes on its channel: green and blue straight to assessment, yellow and red wait for an officer. */
export function statesAfterChecks(channel: Channel): DeclarationState[] {
  return channel === 'green' || channel === 'blue' ? ['checked', 'channel_assigned', 'assessed'] : ['checked', 'channel_assigned'];
}

/** A declaration may be amended once lodged and until its duties are paid; a draft is simply edited. */
export const amendable = (state: DeclarationState) => ['lodged', 'checked', 'channel_assigned', 'inspected', 'assessed'].includes(state);
