import { csvText } from '../../platform/http/csv.ts';
import { parse } from 'csv-parse/sync';

/**
 * Daily reconciliation, as pure functions: the operator's statement against the payments the
 * platform credited that day. Every difference is listed; none is resolved automatically.
 */
export interface StatementLine {
  /** 1-based line in the file, header included, for the accountant to find it. */
  line: number;
  providerReference: string;
  merchantReference: string;
  amount: number;
  currency: string;
  completedAt: string;
}

export interface PlatformPayment {
  paymentId: string;
  reference: string | null;
  providerReference: string | null;
  amount: number;
  currency: string;
}

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

export class StatementError extends Error {
  readonly line: number;
  readonly problem: string;
  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.line = line;
    this.problem = problem;
  }
}

const COLUMNS = ['transaction_id', 'merchant_reference', 'amount', 'currency', 'completed_at'] as const;

/** Reads the operator's CSV statement (RFC 4180, a header line naming at least COLUMNS). */
export function parseStatement(csv: string): StatementLine[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new StatementError(line, (error as Error).message);
  }
  const header = Object.keys(records[0] ?? {});
  const missing = records.length > 0 ? COLUMNS.filter((c) => !header.includes(c)) : [];
  if (missing.length > 0) throw new StatementError(1, `missing columns: ${missing.join(', ')}`);
  return records.map((record, index) => {
    const line = index + 2;
    const amount = record.amount ?? '';
    if (!/^\d{1,15}$/.test(amount)) throw new StatementError(line, `amount must be a whole number, got "${amount}"`);
    if (!record.transaction_id) throw new StatementError(line, 'transaction_id is empty');
    const completedAt = record.completed_at ?? '';
    if (Number.isNaN(Date.parse(completedAt))) throw new StatementError(line, `completed_at is not a date: "${completedAt}"`);
    return {
      line,
      providerReference: record.transaction_id,
      merchantReference: record.merchant_reference ?? '',
      amount: Number(amount),
      currency: (record.currency ?? '').toUpperCase(),
      completedAt,
    };
  });
}

/**
 * Matches each statement line to a payment credited that day, by the operator's transaction id
 * or else by our own reference (which the operator echoes as merchant_reference). What is left on
 * either side, and what matched with another amount, is a mismatch. `elsewhere` are payments the
 * statement names that were not credited that day (still pending, failed, or credited another
 * day): they are named in the report, but the money is still missing on our side for that day.
 */
export function reconcile(statement: readonly StatementLine[], credited: readonly PlatformPayment[], elsewhere: readonly PlatformPayment[] = []) {
  const byProviderReference = new Map(credited.filter((p) => p.providerReference).map((p) => [p.providerReference!, p]));
  const byId = new Map(credited.map((p) => [p.paymentId, p]));
  const known = (line: StatementLine, among: readonly PlatformPayment[]) =>
    among.find((p) => p.providerReference === line.providerReference) ?? among.find((p) => p.paymentId === line.merchantReference) ?? null;
  const seen = new Set<string>();
  const mismatches: Mismatch[] = [];
  let matched = 0;
  for (const line of statement) {
    const ours = byProviderReference.get(line.providerReference) ?? byId.get(line.merchantReference);
    if (!ours || seen.has(ours.paymentId)) {
      const other = known(line, elsewhere);
      mismatches.push({ kind: 'missing_in_platform', providerReference: line.providerReference, paymentId: other?.paymentId ?? null, reference: other?.reference ?? null, ours: null, theirs: line.amount, currency: line.currency });
      continue;
    }
    seen.add(ours.paymentId);
    if (ours.amount !== line.amount || ours.currency !== line.currency) {
      mismatches.push({ kind: 'amount_differs', providerReference: line.providerReference, paymentId: ours.paymentId, reference: ours.reference, ours: ours.amount, theirs: line.amount, currency: ours.currency });
    } else matched += 1;
  }
  for (const ours of credited) {
    if (seen.has(ours.paymentId)) continue;
    mismatches.push({ kind: 'missing_in_statement', providerReference: ours.providerReference ?? '', paymentId: ours.paymentId, reference: ours.reference, ours: ours.amount, theirs: null, currency: ours.currency });
  }
  return { matched, mismatches };
}

/** The report as the accountant downloads it. */
export function mismatchesCsv(mismatches: readonly Mismatch[]): string {
  const rows = mismatches.map((m) => [m.kind, m.providerReference, m.paymentId, m.reference, m.ours, m.theirs, m.currency]);
  return csvText([['kind', 'provider_reference', 'payment_id', 'reference', 'ours', 'theirs', 'currency'], ...rows]);
}
