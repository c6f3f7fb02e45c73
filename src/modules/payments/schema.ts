import type { ColumnType, Generated } from 'kysely';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { AccountKind, PaymentProviderId } from './ledger.ts';
import type { PaymentState } from './payment-states.ts';
import type { Mismatch } from './reconciliation.ts';

export interface FeeLineSnapshot {
  label: LocalisedText;
  amount: number;
}

/** One payment intent: what is owed for a file, through which provider, and how it ended. */
export interface PaymentsTable {
  id: Generated<string>;
  application_id: string | null;
  /** Or the customs declaration whose duties and taxes it pays. */
  declaration_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The company whose prepaid account it is spent from, or deposited on. */
  prepaid_tax_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The file's reference, as the payer and the statement quote it. */
  reference: string | null;
  /** The agency the fee is paid to. */
  agency_id: string;
  agency_code: string;
  procedure_id: string;
  provider: PaymentProviderId;
  state: ColumnType<PaymentState, PaymentState | undefined, PaymentState>;
  amount: number;
  currency: string;
  lines: ColumnType<FeeLineSnapshot[], unknown, unknown>;
  /** Who pays, and holds the receipt: the person who asked, or the applicant at the desk. */
  payer_id: string | null;
  /** Who made the create call; idempotency keys are unique per caller. */
  caller_id: string;
  idempotency_key: string;
  /** SHA-256 of the create call's body: the same key with another body is refused. */
  request_hash: string;
  phone: string | null;
  /** The agency whose desk took a counter payment. */
  desk_agency_code: string | null;
  /** The operator's transaction id, or the cashier's paper receipt number. */
  provider_reference: string | null;
  receipt_number: string | null;
  failure_reason: string | null;
  refund_reason: string | null;
  /** When the provider says the money moved (the statement's day). */
  completed_at: Date | null;
  settled_at: Date | null;
  refunded_at: Date | null;
  status_checked_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PaymentCallbacksTable {
  provider: string;
  event_id: string;
  payment_id: string;
  outcome: string;
  received_at: Generated<Date>;
}

export interface LedgerAccountsTable {
  code: string;
  kind: AccountKind;
  agency_code: string | null;
  label: ColumnType<LocalisedText, unknown, unknown>;
  created_at: Generated<Date>;
}

export interface LedgerEntriesTable {
  id: Generated<string>;
  payment_id: string;
  kind: 'credit' | 'reversal';
  currency: string;
  posted_at: Generated<Date>;
}

export interface LedgerPostingsTable {
  id: Generated<number>;
  entry_id: string;
  debit_account: string;
  credit_account: string;
  amount: number;
}

export interface ReconciliationsTable {
  id: Generated<string>;
  provider: PaymentProviderId;
  day: string;
  imported_at: Generated<Date>;
  imported_by: string;
  imported_by_label: string;
  statement_sha256: string;
  statement_lines: number;
  matched: number;
  mismatches: ColumnType<Mismatch[], unknown, unknown>;
}

export interface PaymentTables {
  payments: PaymentsTable;
  payment_callbacks: PaymentCallbacksTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_entries: LedgerEntriesTable;
  ledger_postings: LedgerPostingsTable;
  reconciliations: ReconciliationsTable;
}
