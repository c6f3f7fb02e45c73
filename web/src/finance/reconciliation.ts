import type { Localised } from '../applications/types';

/**
 * Reconciliation and ledger as the browser sees them (server: src/modules/payments, contract of
 * issue 4): a provider's daily statement set against the payments the platform recorded.
 */
export type MismatchKind = 'missing_in_statement' | 'missing_in_platform' | 'amount_differs';

export interface Mismatch {
  kind: MismatchKind;
  providerReference: string;
  paymentId: string | null;
  reference: string | null;
  ours: number | null;
  theirs: number | null;
  currency: string;
}

interface ReconciliationFacts {
  id: string;
  provider: string;
  day: string;
  importedAt: string;
  importedBy: string;
  statementLines: number;
  matched: number;
}

export interface ReconciliationSummary extends ReconciliationFacts {
  mismatchCount: number;
}

export interface ReconciliationReport extends ReconciliationFacts {
  mismatches: Mismatch[];
}

export interface LedgerBalance {
  account: string;
  label: Localised;
  kind: 'asset' | 'revenue' | 'liability';
  agencyCode: string | null;
  balance: number;
  currency: string;
}

export const providers = ['mobile_money'] as const;

export const financePaths = {
  reconciliations: '/api/payments/reconciliations',
  importStatement: (provider: string, day: string) => `/api/payments/reconciliations?${new URLSearchParams({ provider, day }).toString()}`,
  report: (id: string) => `/api/payments/reconciliations/${encodeURIComponent(id)}`,
  reportCsv: (id: string) => `/api/payments/reconciliations/${encodeURIComponent(id)}/csv`,
  balances: '/api/payments/ledger/balances',
};

/** The sentence that explains a mismatch to an accountant, and what it names. */
export interface MismatchSentence {
  key: `finance.mismatch.${MismatchKind}`;
  values: { reference: string; providerReference: string; ours: number | null; theirs: number | null; difference: number | null };
}

/**
 * A mismatch in plain words: which side lacks the payment, or by how much the amounts part. A
 * payment the platform does not know is named by the operator's reference only.
 */
export function mismatchSentence(mismatch: Mismatch): MismatchSentence {
  const difference = mismatch.ours !== null && mismatch.theirs !== null ? mismatch.theirs - mismatch.ours : null;
  return {
    key: `finance.mismatch.${mismatch.kind}`,
    values: {
      reference: mismatch.reference ?? mismatch.paymentId ?? '—',
      providerReference: mismatch.providerReference,
      ours: mismatch.ours,
      theirs: mismatch.theirs,
      difference,
    },
  };
}

/**
 * Yesterday, the day a statement usually covers the morning after. Operators' statements and the
 * API count days in UTC, so this does too.
 */
export function yesterday(now = new Date()): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}
