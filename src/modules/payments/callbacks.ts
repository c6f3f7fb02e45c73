import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/http/errors.ts';
import { providerOf, type PaymentServiceDeps } from './core.ts';
import type { CallbackRequest } from './providers/provider.ts';
import { applyNews, confirmPaid } from './settlement.ts';
import { isUuid, lockPayment } from './store.ts';

export type CallbackOutcome = 'applied' | 'already_settled' | 'duplicate';

/**
 * A provider's notification. Authenticated first (signature over the raw body, timestamp within
 * five minutes), then taken at most once per event id (a replay finds its row), then applied with
 * the state guard (a second notification about a settled payment changes nothing).
 */
export function callbackOperations(deps: PaymentServiceDeps) {
  const { db } = deps;

  async function receiveCallback(providerId: 'mobile_money', request: CallbackRequest, context: ChangeContext): Promise<CallbackOutcome> {
    const notice = providerOf(deps, providerId).authenticateCallback(request);
    const payment = await db
      .selectFrom('payments')
      .selectAll()
      .where('provider', '=', providerId)
      .where((eb) => eb.or([eb('provider_reference', '=', notice.providerReference), ...(isUuid(notice.paymentId) ? [eb('id', '=', notice.paymentId)] : [])]))
      .executeTakeFirst();
    // Ours, and about the transaction we know it by (an intent whose request timed out learns its reference here).
    if (!payment || (payment.provider_reference !== null && payment.provider_reference !== notice.providerReference)) {
      throw new AppError(404, 'callback_unknown_transaction', { transaction: notice.providerReference });
    }
    if (notice.status === 'succeeded' && (notice.amount !== payment.amount || notice.currency !== payment.currency)) {
      throw new AppError(422, 'callback_amount_mismatch', { expected: payment.amount, received: notice.amount, currency: payment.currency });
    }
    return db.transaction().execute(async (trx) => {
      await lockPayment(trx, payment.id);
      const taken = await trx
        .insertInto('payment_callbacks')
        .values({ provider: providerId, event_id: notice.eventId, payment_id: payment.id, outcome: 'received' })
        .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
        .returning('event_id')
        .executeTakeFirst();
      if (!taken) return 'duplicate';
      const facts = { providerReference: notice.providerReference, completedAt: notice.completedAt, reason: notice.reason, eventId: notice.eventId };
      const moved = notice.status === 'succeeded' ? await confirmPaid(deps, trx, context, payment, facts) : await applyNews(deps, trx, context, payment, { kind: 'failed' }, facts);
      const outcome: CallbackOutcome = moved ? 'applied' : 'already_settled';
      await trx.updateTable('payment_callbacks').set({ outcome }).where('provider', '=', providerId).where('event_id', '=', notice.eventId).execute();
      if (!moved) {
        await recordAudit(trx, context, {
          action: 'payment.callback_ignored',
          recordType: 'payment',
          recordId: payment.id,
          agencyId: payment.agency_id,
          details: { eventId: notice.eventId, status: notice.status, state: payment.state },
        });
      }
      return outcome;
    });
  }

  return { receiveCallback };
}
