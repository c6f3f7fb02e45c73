import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { conflict } from '../../platform/http/errors.ts';
import { pinnedDefinition, type LocalisedText, type ProcedureDefinition } from '../catalogue/index.ts';
import { standingOf, type Standing } from './access.ts';
import type { CaseCore, FileIdentity } from './core.ts';
import { automaticSteps, finishChange, moveFile } from './moves.ts';
import { loadFile, type FileRow } from './store.ts';
import { automaticPath, feeIsDue } from './workflow.ts';

/** What a file owes, as the payments module reads it: enough to take and book a payment, nothing of the form. */
export interface FeeInvoice extends FileIdentity {
  applicantId: string;
  companyId: string | null;
  fee: { lines: { label: LocalisedText; amount: number }[]; total: number; currency: string } | null;
  /** The step the file is at, as refusals name it. */
  state: string;
  /** The workflow waits for the fee: a `fee_paid` step leaves the file's state. */
  due: boolean;
  paidAt: string | null;
}

export interface FeeSettlement {
  paymentId: string;
  receipt: string;
  channel: 'mobile_money' | 'counter' | 'prepaid';
  amount: number;
  currency: string;
}

/**
 * The seam between a file and the payments module: what a file owes, and the one move a payment
 * makes, taken in the payment's own transaction so a credited payment and a paid file never part.
 */
export function feeSettlement(core: CaseCore) {
  async function invoiceOf(db: Db | Trx, file: FileRow, definition: ProcedureDefinition): Promise<FeeInvoice> {
    return {
      ...(await core.identityOf(db, file)),
      applicantId: file.applicant_id,
      companyId: file.company_id,
      fee: file.fee,
      state: file.state,
      due: feeIsDue(file, definition),
      paidAt: file.fee_paid_at?.toISOString() ?? null,
    };
  }

  /** The invoice of a file the caller may see (404 otherwise), with how the caller stands to it. */
  async function feeInvoice(principal: Principal, applicationId: string): Promise<FeeInvoice & { relation: Standing }> {
    const { file, relation, definition } = await core.visibleFile(core.deps.db, principal, applicationId);
    return { ...(await invoiceOf(core.deps.db, file, definition)), relation: standingOf(principal, file.applicant_id, relation) };
  }

  /** The invoice without a caller: provider callbacks and jobs, which authenticate otherwise. */
  async function feeInvoiceOf(db: Db | Trx, applicationId: string): Promise<FeeInvoice> {
    const file = await loadFile(db, applicationId);
    return invoiceOf(db, file, await pinnedDefinition(db, file.procedure_version_id));
  }

  /**
   * Marks the fee paid and moves the file along its `fee_paid` path, inside the caller's
   * transaction. Refused unless the workflow waits for exactly this amount.
   */
  async function settleFee(trx: Trx, context: ChangeContext, applicationId: string, payment: FeeSettlement): Promise<void> {
    const file = await loadFile(trx, applicationId, true);
    const definition = await pinnedDefinition(trx, file.procedure_version_id);
    if (!file.fee || !feeIsDue(file, definition)) throw conflict('fee_not_due', { state: file.state });
    if (payment.amount !== file.fee.total || payment.currency !== file.fee.currency) {
      throw conflict('fee_amount_mismatch', { expected: file.fee.total, currency: file.fee.currency, received: payment.amount });
    }
    const path = automaticSteps(automaticPath(definition, file.state, 'fee_paid'));
    const { moved, steps } = await moveFile(trx, core.moves, context, file, definition, path, { fee_paid_at: new Date() });
    await finishChange(trx, core.moves, context, { before: file, after: moved, definition, action: 'fee_paid', steps }, {
      action: 'application.fee_paid',
      recordType: 'application',
      recordId: applicationId,
      agencyId: file.agency_id,
      details: { reference: file.reference, amount: payment.amount, currency: payment.currency, receipt: payment.receipt, channel: payment.channel, paymentId: payment.paymentId },
    });
  }

  return { feeInvoice, feeInvoiceOf, settleFee };
}
