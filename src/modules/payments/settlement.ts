import { sql, type Updateable } from 'kysely';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PaymentServiceDeps } from './core.ts';
import { feeCredit, PREPAID_DEPOSIT, reversal, unallocatedCredit, type CreditedPayment } from './ledger.ts';
import { creditEntryOf, postEntry } from './ledger-store.ts';
import { transition, type PaymentNews } from './payment-states.ts';
import type { PaymentsTable } from './schema.ts';
import { feeNotDue, lockPayment, type PaymentRow } from './store.ts';

const dutiesOf = (deps: PaymentServiceDeps) => {
  if (!deps.duties) throw new Error('a payment for a customs declaration, on a platform without customs');
  return deps.duties;
};

/** What the bringer of the news knows besides the news itself. */
export interface Facts {
  providerReference?: string | null;
  /** When the provider says the money moved. */
  completedAt?: Date;
  reason?: string | null;
  eventId?: string;
}

const AUDIT_ACTION: Record<string, string> = {
  'pending>succeeded': 'payment.succeeded',
  'pending>refund_pending': 'payment.unallocated',
  'pending>failed': 'payment.failed',
  'succeeded>refund_pending': 'payment.refund_requested',
  'refund_pending>refunded': 'payment.refunded',
};

async function nextReceiptNumber(trx: Trx, countryCode: string): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('payment_receipt_seq') as n`.execute(trx);
  return `${countryCode}-RC-${new Date().getUTCFullYear()}-${String(rows[0]!.n).padStart(6, '0')}`;
}

const creditedPayment = (row: PaymentRow): CreditedPayment => ({
  provider: row.provider,
  deskAgencyCode: row.desk_agency_code,
  prepaidTaxId: row.prepaid_tax_id,
  agencyCode: row.agency_code,
  procedureId: row.procedure_id,
  amount: row.amount,
  currency: row.currency,
  lines: row.lines,
});

/**
 * Applies news about a payment inside `trx`, and everything that goes with it in the same
 * transaction: the ledger entry, the file's next step, the outbox event and the audit entry.
 * The row moves only from the state the transition starts from (`where state = from`): when a
 * duplicate, a replay or a racing status query got there first, nothing happens and null is
 * returned.
 */
export async function applyNews(deps: PaymentServiceDeps, trx: Trx, context: ChangeContext, known: PaymentRow, news: PaymentNews, facts: Facts = {}): Promise<PaymentRow | null> {
  const payment = await lockPayment(trx, known.id);
  const step = transition(payment.state, news);
  if (!step) return null;
  const now = new Date();
  const patch: Updateable<PaymentsTable> = { state: step.to, updated_at: now };
  if (step.post === 'credit_fee' || step.post === 'credit_unallocated') {
    Object.assign(patch, { settled_at: now, completed_at: facts.completedAt ?? now });
    if (facts.providerReference) patch.provider_reference = facts.providerReference;
    if (step.post === 'credit_fee') patch.receipt_number = await nextReceiptNumber(trx, deps.country.code);
    else Object.assign(patch, { failure_reason: 'fee_not_due', refund_reason: 'fee_not_due' });
  }
  if (step.to === 'failed') Object.assign(patch, { failure_reason: facts.reason ?? 'failed', ...(facts.providerReference ? { provider_reference: facts.providerReference } : {}) });
  if (step.from === 'succeeded' && step.to === 'refund_pending') patch.refund_reason = facts.reason ?? null;
  if (step.to === 'refunded') patch.refunded_at = now;
  const moved = await trx
    .updateTable('payments')
    .set(patch)
    .where('id', '=', payment.id)
    .where('state', '=', step.from)
    .returningAll()
    .executeTakeFirst();
  if (!moved) return null;

  if (step.post === 'credit_fee') {
    await postEntry(trx, moved.id, 'credit', feeCredit(creditedPayment(moved)));
    const settlement = { paymentId: moved.id, receipt: moved.receipt_number!, channel: moved.provider, amount: moved.amount, currency: moved.currency };
    if (moved.application_id) await deps.cases.settleFee(trx, context, moved.application_id, settlement);
    if (moved.declaration_id) await dutiesOf(deps).settleDuties(trx, context, moved.declaration_id, settlement);
    await deps.bus.emit(trx, 'payment.succeeded', {
      paymentId: moved.id,
      applicationId: moved.application_id,
      reference: moved.reference,
      agencyCode: moved.agency_code,
      payerId: moved.payer_id,
      amount: moved.amount,
      currency: moved.currency,
      provider: moved.provider,
      providerReference: moved.provider_reference ?? '',
      receiptNumber: moved.receipt_number!,
      paidAt: moved.settled_at!.toISOString(),
      lines: moved.lines,
    });
  }
  if (step.post === 'credit_unallocated') await postEntry(trx, moved.id, 'credit', unallocatedCredit(creditedPayment(moved)));
  if (step.post === 'reverse_credit') {
    await postEntry(trx, moved.id, 'reversal', reversal(await creditEntryOf(trx, moved.id)));
    await deps.bus.emit(trx, 'payment.refunded', {
      paymentId: moved.id,
      applicationId: moved.application_id,
      agencyCode: moved.agency_code,
      amount: moved.amount,
      currency: moved.currency,
      refundedAt: moved.refunded_at!.toISOString(),
      reason: moved.refund_reason ?? '',
    });
  }
  await recordAudit(trx, context, {
    action: AUDIT_ACTION[`${step.from}>${step.to}`] ?? `payment.${step.to}`,
    recordType: 'payment',
    recordId: moved.id,
    agencyId: moved.agency_id,
    before: { state: step.from },
    after: { state: step.to },
    details: {
      reference: moved.reference,
      provider: moved.provider,
      amount: moved.amount,
      currency: moved.currency,
      providerReference: moved.provider_reference,
      receiptNumber: moved.receipt_number,
      ...(facts.eventId ? { eventId: facts.eventId } : {}),
      ...(facts.reason ? { reason: facts.reason } : {}),
    },
  });
  return moved;
}

/**
 * The provider took the money: credited to the fee when the file still waits for exactly this
 * amount, otherwise held as owed back. A desk payment is refused instead (`strict`): the cashier
 * simply does not take cash for a fee that is not due.
 */
export async function confirmPaid(deps: PaymentServiceDeps, trx: Trx, context: ChangeContext, payment: PaymentRow, facts: Facts, strict = false): Promise<PaymentRow | null> {
  const invoice = payment.application_id ? await deps.cases.feeInvoiceOf(trx, payment.application_id) : payment.declaration_id ? await dutiesOf(deps).dutyInvoiceOf(trx, payment.declaration_id) : null;
  // A deposit on a prepaid account is always welcome; a fee or duties only while due, to the unit.
  if (payment.procedure_id === PREPAID_DEPOSIT) return applyNews(deps, trx, context, payment, { kind: 'paid', feeDue: true }, facts);
  const feeDue = invoice !== null && invoice.due && invoice.paidAt === null && invoice.fee?.total === payment.amount && invoice.fee.currency === payment.currency;
  if (!feeDue && strict) throw feeNotDue(invoice);
  return applyNews(deps, trx, context, payment, { kind: 'paid', feeDue }, facts);
}
