/**
 * Which of an officer's moves a declaration offers now, as declarations/lifecycle.ts and
 * declarations/officer.ts decide them on the server (which decides again on every request).
 */
import type { DeclarationView } from './types';

/** Any state before its duties are paid. */
const REJECTABLE: readonly string[] = ['lodged', 'checked', 'channel_assigned', 'inspected', 'assessed'];

/** Yellow and red declarations wait in `channel_assigned` for a documentary check or a physical inspection. */
export function awaitsInspection(view: Pick<DeclarationView, 'state' | 'channel'>): boolean {
  return view.state === 'channel_assigned' && (view.channel === 'yellow' || view.channel === 'red');
}

export function mayBeRejected(view: Pick<DeclarationView, 'state'>): boolean {
  return REJECTABLE.includes(view.state);
}
