import { sql } from 'kysely';
import { recordAudit, systemContext, type ChangeContext } from '../../platform/audit/record.ts';
import type { PaymentServiceDeps } from './core.ts';
import { applyNews, confirmPaid } from './settlement.ts';
import type { PaymentRow } from './store.ts';

/** The operator has never heard of an intent this old: the request was lost, the payer was never asked. */
const GIVE_UP_ON_UNKNOWN_MS = 15 * 60_000;
const BATCH = 50;

/**
 * Learning what callbacks did not say: a status query for intents left pending (no callback, a
 * timed-out request), and the provider's refund for intents waiting for their money to go back.
 */
export function resolutionOperations(deps: PaymentServiceDeps) {
  const { db } = deps;
  const reload = (id: string) => db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** Asks the provider about one pending intent and applies what it says; unreachable leaves it pending. */
  async function askProvider(payment: PaymentRow, context: ChangeContext): Promise<PaymentRow> {
    const provider = deps.providers[payment.provider];
    if (!provider || payment.state !== 'pending') return payment;
    const status = await provider.queryStatus({ id: payment.id, providerReference: payment.provider_reference });
    const moved = await db.transaction().execute(async (trx) => {
      if (status.status === 'succeeded') {
        if (status.amount === payment.amount && status.currency === payment.currency) {
          return confirmPaid(deps, trx, context, payment, { providerReference: status.providerReference, completedAt: status.completedAt });
        }
        // Never credit an amount we did not ask for: the intent stays pending and the day's reconciliation lists it.
        deps.logger.error({ paymentId: payment.id, theirs: status.amount, ours: payment.amount }, 'the operator reports another amount for this payment');
      }
      if (status.status === 'failed') return applyNews(deps, trx, context, payment, { kind: 'failed' }, { reason: status.reason, providerReference: status.providerReference });
      if (status.status === 'not_found' && Date.now() - payment.created_at.getTime() > GIVE_UP_ON_UNKNOWN_MS) {
        return applyNews(deps, trx, context, payment, { kind: 'failed' }, { reason: 'not_received_by_operator' });
      }
      await trx.updateTable('payments').set({ status_checked_at: new Date() }).where('id', '=', payment.id).execute();
      return null;
    });
    return moved ?? reload(payment.id);
  }

  /** Sends the money back through the provider; an unanswered request stays `refund_pending` and is tried again by the job. */
  async function executeRefund(payment: PaymentRow, context: ChangeContext): Promise<PaymentRow> {
    const provider = deps.providers[payment.provider];
    if (!provider || payment.state !== 'refund_pending') return payment;
    const result = await provider.refund({ id: payment.id, providerReference: payment.provider_reference, amount: payment.amount, currency: payment.currency }, payment.refund_reason ?? '');
    if (result.outcome === 'unknown') return payment;
    const moved = await db.transaction().execute(async (trx) => {
      if (result.outcome === 'refunded') return applyNews(deps, trx, context, payment, { kind: 'refund_confirmed' }, { providerReference: null, reason: payment.refund_reason });
      const noted = await trx
        .updateTable('payments')
        .set({ failure_reason: result.reason, updated_at: new Date() })
        .where('id', '=', payment.id)
        .where('state', '=', 'refund_pending')
        .returning(['id', 'agency_id'])
        .executeTakeFirst();
      if (noted) await recordAudit(trx, context, { action: 'payment.refund_refused', recordType: 'payment', recordId: noted.id, agencyId: noted.agency_id, details: { reason: result.reason } });
      return null;
    });
    return moved ?? reload(payment.id);
  }

  /** Is it time to ask about this intent again? Not before `statusAfterSeconds` since it began, or since the last question. */
  function dueForQuery(payment: PaymentRow): boolean {
    const settings = deps.config.mobileMoney;
    if (!settings || payment.provider !== 'mobile_money' || payment.state !== 'pending') return false;
    const after = settings.statusAfterSeconds * 1000;
    const now = Date.now();
    return now - payment.created_at.getTime() >= after && (payment.status_checked_at === null || now - payment.status_checked_at.getTime() >= after);
  }

  /** The scheduled job `payments.resolve_pending`: every stale pending intent asked about, every waiting refund retried. */
  async function resolvePending(): Promise<{ asked: number; refunds: number }> {
    const settings = deps.config.mobileMoney;
    if (!settings) return { asked: 0, refunds: 0 };
    const context = systemContext('payments.resolve_pending');
    const cutoff = sql<Date>`now() - ${settings.statusAfterSeconds} * interval '1 second'`;
    const pending = await db
      .selectFrom('payments')
      .selectAll()
      .where('provider', '=', 'mobile_money')
      .where('state', '=', 'pending')
      .where('created_at', '<=', cutoff)
      .where((eb) => eb.or([eb('status_checked_at', 'is', null), eb('status_checked_at', '<=', cutoff)]))
      .orderBy('created_at')
      .limit(BATCH)
      .execute();
    const refunds = await db.selectFrom('payments').selectAll().where('provider', '=', 'mobile_money').where('state', '=', 'refund_pending').orderBy('updated_at').limit(BATCH).execute();
    for (const payment of pending) await attempt(payment, () => askProvider(payment, context));
    for (const payment of refunds) await attempt(payment, () => executeRefund(payment, context));
    return { asked: pending.length, refunds: refunds.length };
  }

  /** One intent's trouble must not stop the others'. */
  async function attempt(payment: PaymentRow, work: () => Promise<unknown>) {
    try {
      await work();
    } catch (error) {
      deps.logger.error({ paymentId: payment.id, err: error }, 'could not resolve a payment; trying again at the next run');
    }
  }

  return { askProvider, executeRefund, dueForQuery, resolvePending };
}
