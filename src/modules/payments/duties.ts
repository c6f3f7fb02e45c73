import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Principal } from '../../platform/auth/policy.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { FeeSettlement, Standing } from '../cases/index.ts';
import type { FeeLineSnapshot } from './schema.ts';

/** What a customs declaration owes in duties and taxes, as the payments module reads it. */
export interface DutyInvoice {
  declarationId: string;
  reference: string;
  agencyId: string;
  agencyCode: string;
  /** Who is asked for the money and holds the receipt: the broker who lodged it, when known. */
  payerId: string | null;
  state: string;
  fee: { lines: FeeLineSnapshot[]; total: number; currency: string } | null;
  /** The declaration waits for its duties (assessed). */
  due: boolean;
  paidAt: string | null;
}

/**
 * The seam to customs declarations, implemented by the customs module (customs/declarations/duties.ts):
 * what a declaration owes, and the one move a payment makes, in the payment's own transaction.
 */
export interface DutySeam {
  dutyInvoice(principal: Principal, declarationId: string): Promise<DutyInvoice & { relation: Standing }>;
  dutyInvoiceOf(db: Db | Trx, declarationId: string): Promise<DutyInvoice>;
  settleDuties(trx: Trx, context: ChangeContext, declarationId: string, settlement: FeeSettlement): Promise<void>;
}

/** Customs declarations' duties are booked under this procedure id (revenue.CUSTOMS.customs-duties.*). */
export const DUTIES_PROCEDURE = 'customs-duties';
