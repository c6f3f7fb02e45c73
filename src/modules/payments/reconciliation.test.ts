import { describe, expect, it } from 'vitest';
import { mismatchesCsv, parseStatement, reconcile, StatementError, type PlatformPayment, type StatementLine } from './reconciliation.ts';

const HEADER = 'transaction_id,merchant_reference,msisdn,amount,currency,completed_at';
const line = (providerReference: string, amount: number, merchantReference = ''): StatementLine => ({ line: 2, providerReference, merchantReference, amount, currency: 'XOF', completedAt: '2026-05-04T10:00:00Z' });
const ours = (paymentId: string, providerReference: string | null, amount: number): PlatformPayment => ({ paymentId, reference: `KD-2026-${paymentId}`, providerReference, amount, currency: 'XOF' });

describe('reading a statement', () => {
  it('reads the lines with their amounts, whatever the column order, BOM and quoting', () => {
    const csv = '\uFEFFcurrency,amount,transaction_id,merchant_reference,completed_at\r\nxof,25000,"MP1",p-1,2026-05-04T10:00:00Z\r\n\r\n';
    expect(parseStatement(csv)).toEqual([{ line: 2, providerReference: 'MP1', merchantReference: 'p-1', amount: 25000, currency: 'XOF', completedAt: '2026-05-04T10:00:00Z' }]);
    expect(parseStatement(`${HEADER}\r\n`)).toEqual([]);
  });

  it('names the line and the problem of a statement it cannot use', () => {
    const problem = (csv: string) => {
      try {
        parseStatement(csv);
      } catch (error) {
        if (error instanceof StatementError) return [error.line, error.problem];
      }
      return null;
    };
    expect(problem(`${HEADER}\r\nMP1,,1,25000,XOF,2026-05-04T10:00:00Z\r\nMP2,,1,-5,XOF,2026-05-04T10:00:00Z\r\n`)).toEqual([3, 'amount must be a whole number, got "-5"']);
    expect(problem('id,amount\r\nMP1,1\r\n')).toEqual([1, 'missing columns: transaction_id, merchant_reference, currency, completed_at']);
    expect(problem(`${HEADER}\r\nMP1,,1,25000,XOF,yesterday\r\n`)?.[0]).toBe(2);
    expect(problem(`${HEADER}\r\n"MP1,,1,25000\r\n`)).not.toBeNull();
  });
});

describe('reconciling', () => {
  it('matches by transaction id, or by our reference when we never learnt the transaction id', () => {
    expect(reconcile([line('MP1', 100), line('MP2', 200, 'p-2')], [ours('p-1', 'MP1', 100), ours('p-2', null, 200)])).toEqual({ matched: 2, mismatches: [] });
  });

  it('lists what is missing on either side and what differs, naming our payment when the statement names one we did not credit that day', () => {
    const { matched, mismatches } = reconcile([line('MP1', 100), line('MP2', 250), line('MP9', 50), line('MP7', 70)], [ours('p-1', 'MP1', 100), ours('p-2', 'MP2', 200), ours('p-3', 'MP3', 300)], [ours('p-7', 'MP7', 70)]);
    expect(matched).toBe(1);
    expect(mismatches).toEqual([
      { kind: 'amount_differs', providerReference: 'MP2', paymentId: 'p-2', reference: 'KD-2026-p-2', ours: 200, theirs: 250, currency: 'XOF' },
      { kind: 'missing_in_platform', providerReference: 'MP9', paymentId: null, reference: null, ours: null, theirs: 50, currency: 'XOF' },
      { kind: 'missing_in_platform', providerReference: 'MP7', paymentId: 'p-7', reference: 'KD-2026-p-7', ours: null, theirs: 70, currency: 'XOF' },
      { kind: 'missing_in_statement', providerReference: 'MP3', paymentId: 'p-3', reference: 'KD-2026-p-3', ours: 300, theirs: null, currency: 'XOF' },
    ]);
  });

  it('counts a collection listed twice once, and the second as money we never saw', () => {
    const { matched, mismatches } = reconcile([line('MP1', 100), line('MP1', 100)], [ours('p-1', 'MP1', 100)]);
    expect(matched).toBe(1);
    expect(mismatches.map((m) => m.kind)).toEqual(['missing_in_platform']);
  });

  it('exports the mismatches as CSV a spreadsheet cannot mistake for formulas', () => {
    const csv = mismatchesCsv([{ kind: 'missing_in_platform', providerReference: '=HYPERLINK("x")', paymentId: null, reference: null, ours: null, theirs: 5, currency: 'XOF' }]);
    expect(csv).toBe('kind,provider_reference,payment_id,reference,ours,theirs,currency\r\nmissing_in_platform,"\'=HYPERLINK(""x"")",,,,5,XOF\r\n');
  });
});
