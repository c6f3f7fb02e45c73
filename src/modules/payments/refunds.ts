import type { ChangeContext } from '../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../platform/auth/policy.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { PaymentServiceDeps } from './core.ts';
import type { resolutionOperations } from './resolution.ts';
import { applyNews } from './settlement.ts';
import { loadPayment, type PaymentRow } from './store.ts';

/**
 * An administrator of the agency the fee was paid to gives it back: the intent waits as
 * `refund_pending` until the provider confirms, then the credit is reversed in the ledger.
 * Asking again for a refund already under way changes nothing.
 */
export function refundOperations(deps: PaymentServiceDeps, resolution: ReturnType<typeof resolutionOperations>) {
  const { db } = deps;

  async function refund(principal: Principal, context: ChangeContext, id: string, reason: string): Promise<PaymentRow> {
    const payment = await loadPayment(db, id);
    assertAllowed(principal, 'payments.refund', { agencyId: payment.agency_id });
    if (payment.state === 'refund_pending' || payment.state === 'refunded') return resolution.executeRefund(payment, context);
    const requested = await db.transaction().execute((trx) => applyNews(deps, trx, context, payment, { kind: 'refund_requested' }, { reason }));
    if (!requested) throw conflict('payment_not_refundable', { state: payment.state });
    return resolution.executeRefund(requested, context);
  }

  return { refund };
}
