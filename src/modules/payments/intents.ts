import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import type { Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { FeeInvoice, Standing } from '../cases/index.ts';
import { DUTIES_PROCEDURE } from './duties.ts';
import { lockedPrepaidBalance } from './ledger-store.ts';
import { providerOf, type PaymentServiceDeps } from './core.ts';
import { earlierIntent, requestFingerprint } from './idempotency.ts';
import { PREPAID_DEPOSIT, type PaymentProviderId } from './ledger.ts';
import { applyNews, confirmPaid } from './settlement.ts';
import { feeNotDue, loadPayment, PAID_STATES, uniqueViolation, type PaymentRow } from './store.ts';

/** What is paid: a file's fee, or a customs declaration's duties and taxes; exactly one. */
export interface PaymentSubject {
  applicationId?: string;
  declarationId?: string;
}

export interface MobileMoneyRequest extends PaymentSubject {
  provider: 'mobile_money';
  phone: string;
}

export interface CounterRequest extends PaymentSubject {
  receipt: string;
}

export interface DepositRequest {
  /** The company whose prepaid account is credited. */
  taxId: string;
  amount: number;
  /** The desk's paper receipt number. */
  receipt: string;
}

export interface PrepaidRequest {
  declarationId: string;
}

const DEPOSIT_LABEL = { fr: 'Dépôt sur compte prépayé', ar: 'إيداع في حساب مسبق الدفع', en: 'Prepaid account deposit' };

/** A file's fee or a declaration's duties, in the terms a payment needs. */
interface Payable {
  applicationId: string | null;
  declarationId: string | null;
  reference: string;
  agencyId: string;
  agencyCode: string;
  procedureId: string;
  /** Who holds the receipt of a desk payment. */
  payerId: string | null;
  fee: FeeInvoice['fee'];
  due: boolean;
  paidAt: string | null;
  state: string;
  relation: Standing;
}

export interface Created {
  row: PaymentRow;
  /** False when an earlier call with the same key made it. */
  created: boolean;
}

/** Creating intents: by mobile money for the payer, at the desk for the cashier. Both idempotent per caller and key. */
export function intentOperations(deps: PaymentServiceDeps) {
  const { db } = deps;

  async function payableFor(principal: Principal, subject: PaymentSubject): Promise<Payable> {
    if (subject.applicationId && !subject.declarationId) {
      const invoice = await deps.cases.feeInvoice(principal, subject.applicationId);
      return { ...invoice, declarationId: null, payerId: invoice.applicantId };
    }
    if (subject.declarationId && !subject.applicationId) {
      if (!deps.duties) throw new AppError(503, 'payment_subject_unavailable', { subject: 'declarationId' });
      const invoice = await deps.duties.dutyInvoice(principal, subject.declarationId);
      return { ...invoice, applicationId: null, procedureId: DUTIES_PROCEDURE };
    }
    throw new AppError(400, 'payment_subject_required');
  }

  /** A file or declaration already paid is refused with its receipt; one not waiting for payment, plainly. */
  async function refuseUnlessDue(invoice: Payable) {
    if (invoice.paidAt !== null) {
      const paid = await db
        .selectFrom('payments')
        .select(['id', 'receipt_number'])
        .where(invoice.applicationId ? 'application_id' : 'declaration_id', '=', invoice.applicationId ?? invoice.declarationId)
        .where('state', 'in', [...PAID_STATES])
        .where('receipt_number', 'is not', null)
        .orderBy('settled_at', 'desc')
        .executeTakeFirst();
      throw new AppError(409, 'fee_already_paid', { reference: invoice.reference }, { receipt: paid ? { paymentId: paid.id, receiptNumber: paid.receipt_number } : null });
    }
    if (!invoice.due || !invoice.fee || invoice.fee.total <= 0) throw feeNotDue(invoice);
  }

  /** Inserts the intent with `then` in one transaction; a racing twin with the same key gets the winner's intent. */
  async function insertOnce(
    principal: Principal,
    key: string,
    fingerprint: string,
    values: { invoice: Payable; provider: PaymentProviderId; payerId: string | null; phone: string | null; deskAgencyCode: string | null; providerReference: string | null; prepaidTaxId?: string },
    then: (trx: Trx, row: PaymentRow) => Promise<PaymentRow>,
  ): Promise<Created> {
    const { invoice } = values;
    try {
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('payments')
          .values({
            application_id: invoice.applicationId,
            declaration_id: invoice.declarationId,
            reference: invoice.reference,
            agency_id: invoice.agencyId,
            agency_code: invoice.agencyCode,
            procedure_id: invoice.procedureId,
            provider: values.provider,
            amount: invoice.fee!.total,
            currency: invoice.fee!.currency,
            lines: jsonb(invoice.fee!.lines.map((line) => ({ label: line.label, amount: line.amount }))),
            payer_id: values.payerId,
            caller_id: principal.id,
            idempotency_key: key,
            request_hash: fingerprint,
            phone: values.phone,
            desk_agency_code: values.deskAgencyCode,
            prepaid_tax_id: values.prepaidTaxId ?? null,
            provider_reference: values.providerReference,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return then(trx, inserted);
      });
      return { row, created: true };
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'payments_idempotency') {
        const earlier = await earlierIntent(db, principal.id, key, fingerprint);
        if (earlier) return { row: earlier, created: false };
      }
      if (constraint === 'payments_provider_reference') throw conflict('counter_receipt_reused', { receipt: values.providerReference });
      throw error;
    }
  }

  /**
   * The payer asks to pay by mobile money: the intent is stored, then the operator prompts the
   * phone. Whatever the operator answers, the intent is returned pending (or failed, when the
   * operator refused at once); no answer in time leaves it pending for a status query.
   */
  async function payByMobileMoney(principal: Principal, context: ChangeContext, request: MobileMoneyRequest, key: string): Promise<Created> {
    const fingerprint = requestFingerprint('mobile_money', request);
    const earlier = await earlierIntent(db, principal.id, key, fingerprint);
    if (earlier) return { row: earlier, created: false };
    const provider = providerOf(deps, 'mobile_money');
    const invoice = await payableFor(principal, request);
    if (!invoice.relation.owner && !invoice.relation.company) throw notFound(invoice.applicationId ? 'application' : 'declaration', (invoice.applicationId ?? invoice.declarationId)!);
    await refuseUnlessDue(invoice);
    const phone = request.phone.replace(/^\+/, '');
    const made = await insertOnce(principal, key, fingerprint, { invoice, provider: 'mobile_money', payerId: principal.id, phone, deskAgencyCode: null, providerReference: null }, async (trx, row) => {
      await recordAudit(trx, context, { action: 'payment.created', recordType: 'payment', recordId: row.id, agencyId: row.agency_id, details: { reference: row.reference, provider: row.provider, amount: row.amount, currency: row.currency } });
      return row;
    });
    if (!made.created) return made;

    const answer = await provider.initiate({ paymentId: made.row.id, amount: made.row.amount, currency: made.row.currency, payerAccount: phone, description: `${invoice.reference} — ${invoice.agencyCode}` });
    if (answer.outcome === 'unknown') return made;
    await db.transaction().execute(async (trx) => {
      if (answer.outcome === 'refused') return applyNews(deps, trx, context, made.row, { kind: 'failed' }, { reason: answer.reason });
      // The callback may have got here first and told us the transaction id already.
      const noted = await trx
        .updateTable('payments')
        .set({ provider_reference: answer.providerReference, updated_at: new Date() })
        .where('id', '=', made.row.id)
        .where('provider_reference', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (noted) await recordAudit(trx, context, { action: 'payment.initiated', recordType: 'payment', recordId: noted.id, agencyId: noted.agency_id, details: { providerReference: answer.providerReference } });
      return noted;
    });
    return { row: await loadPayment(db, made.row.id), created: true };
  }

  /** The cashier takes the fee in cash and records it with the paper receipt's number: paid at once. */
  async function payAtCounter(principal: Principal, context: ChangeContext, request: CounterRequest, key: string): Promise<Created> {
    const fingerprint = requestFingerprint('counter', request);
    const earlier = await earlierIntent(db, principal.id, key, fingerprint);
    if (earlier) return { row: earlier, created: false };
    const invoice = await payableFor(principal, request);
    if (!invoice.relation.cashier) throw new AppError(403, 'action_not_yours', { action: 'fee_paid' });
    await refuseUnlessDue(invoice);
    const desk = await deskOf(principal, invoice.agencyId);
    const receipt = request.receipt.trim();
    return insertOnce(principal, key, fingerprint, { invoice, provider: 'counter', payerId: invoice.payerId, phone: null, deskAgencyCode: desk.code, providerReference: receipt }, async (trx, row) => {
      const answer = await deps.providers.counter.initiate({ paymentId: row.id, amount: row.amount, currency: row.currency, payerAccount: receipt, description: invoice.reference });
      if (answer.outcome !== 'accepted') throw new Error('the counter always accepts what the cashier records');
      return (await confirmPaid(deps, trx, context, row, { providerReference: answer.providerReference }, true))!;
    });
  }

  /** The desk an account's cashier works at: their cashier grant's agency (a national cashier: the fallback). */
  async function deskOf(principal: Principal, fallbackAgencyId: string) {
    const agencyId = principal.grants.find((g) => g.role === 'cashier' && g.agencyId !== null)?.agencyId ?? fallbackAgencyId;
    return db.selectFrom('agencies').select(['id', 'code']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  }

  /**
   * A cashier takes a deposit on a company's prepaid account (a broker paying ahead for the duties
   * of its declarations): recorded and credited to the account at once, with a receipt.
   */
  async function depositOnPrepaid(principal: Principal, context: ChangeContext, request: DepositRequest, key: string): Promise<Created> {
    const fingerprint = requestFingerprint('prepaid_deposit', request);
    const earlier = await earlierIntent(db, principal.id, key, fingerprint);
    if (earlier) return { row: earlier, created: false };
    if (!principal.grants.some((g) => g.role === 'cashier')) throw new AppError(403, 'action_not_yours', { action: 'prepaid_deposit' });
    const company = await db.selectFrom('companies').select(['tax_id', 'name']).where('tax_id', '=', request.taxId).executeTakeFirst();
    if (!company) throw notFound('company', request.taxId);
    const treasury = await db.selectFrom('agencies').select('id').where('code', '=', 'TREASURY').executeTakeFirst();
    const desk = await deskOf(principal, treasury?.id ?? '');
    const receipt = request.receipt.trim();
    const invoice: Payable = {
      applicationId: null,
      declarationId: null,
      reference: company.tax_id,
      agencyId: desk.id,
      agencyCode: desk.code,
      procedureId: PREPAID_DEPOSIT,
      payerId: null,
      fee: { lines: [{ label: DEPOSIT_LABEL, amount: request.amount }], total: request.amount, currency: deps.country.currency },
      due: true,
      paidAt: null,
      state: 'deposit',
      relation: { owner: false, company: false, staff: false, cashier: true },
    };
    return insertOnce(principal, key, fingerprint, { invoice, provider: 'counter', payerId: null, phone: null, deskAgencyCode: desk.code, providerReference: receipt, prepaidTaxId: company.tax_id }, async (trx, row) =>
      (await confirmPaid(deps, trx, context, row, { providerReference: receipt }, true))!,
    );
  }

  /**
   * The declarant's company pays duties from its prepaid account: the account row is locked, so two
   * payments racing for the last of the balance are served one after the other, and the second
   * is refused (409 prepaid_insufficient) with nothing stored.
   */
  async function payFromPrepaid(principal: Principal, context: ChangeContext, request: PrepaidRequest, key: string): Promise<Created> {
    const fingerprint = requestFingerprint('prepaid', request);
    const earlier = await earlierIntent(db, principal.id, key, fingerprint);
    if (earlier) return { row: earlier, created: false };
    const invoice = await payableFor(principal, request);
    if (!invoice.relation.company || !principal.companyId) throw notFound(invoice.applicationId ? 'application' : 'declaration', (invoice.applicationId ?? invoice.declarationId)!);
    await refuseUnlessDue(invoice);
    const { tax_id: taxId } = await db.selectFrom('companies').select('tax_id').where('id', '=', principal.companyId).executeTakeFirstOrThrow();
    return insertOnce(principal, key, fingerprint, { invoice, provider: 'prepaid', payerId: principal.id, phone: null, deskAgencyCode: null, providerReference: null, prepaidTaxId: taxId }, async (trx, row) => {
      const balance = await lockedPrepaidBalance(trx, taxId, row.currency);
      if (balance < row.amount) {
        const shortfall = { balance, amount: row.amount, currency: row.currency };
        throw new AppError(409, 'prepaid_insufficient', shortfall, shortfall);
      }
      const answer = await deps.providers.prepaid.initiate({ paymentId: row.id, amount: row.amount, currency: row.currency, payerAccount: taxId, description: invoice.reference });
      if (answer.outcome !== 'accepted') throw new Error('a prepaid account always accepts what its balance covers');
      return (await confirmPaid(deps, trx, context, row, { providerReference: answer.providerReference }, true))!;
    });
  }

  return { payByMobileMoney, payAtCounter, depositOnPrepaid, payFromPrepaid };
}
