import { describe, expect, it } from 'vitest';
import { financePaths, mismatchSentence, yesterday } from './reconciliation';

const base = { providerReference: 'MM-778812', paymentId: 'p-1', reference: 'KD-2026-000123', currency: 'XOF' };

describe('a reconciliation mismatch in plain words', () => {
  it('names the file of a payment the statement lacks', () => {
    expect(mismatchSentence({ ...base, kind: 'missing_in_statement', ours: 25000, theirs: null })).toEqual({
      key: 'finance.mismatch.missing_in_statement',
      values: { reference: 'KD-2026-000123', providerReference: 'MM-778812', ours: 25000, theirs: null, difference: null },
    });
  });

  it("names only the operator's reference for a payment the platform never recorded", () => {
    const sentence = mismatchSentence({ ...base, kind: 'missing_in_platform', paymentId: null, reference: null, ours: null, theirs: 5000 });
    expect(sentence.values.reference).toBe('—');
    expect(sentence.values.providerReference).toBe('MM-778812');
  });

  it('says by how much the operator paid more, or less, than the platform recorded', () => {
    expect(mismatchSentence({ ...base, kind: 'amount_differs', ours: 25000, theirs: 20000 }).values.difference).toBe(-5000);
  });
});

describe('the statement import', () => {
  it('defaults to yesterday in UTC, as statements count days, and sends the provider and the day in the address', () => {
    expect(yesterday(new Date(Date.UTC(2026, 2, 1, 0, 30)))).toBe('2026-02-28');
    expect(financePaths.importStatement('mobile_money', '2026-02-28')).toBe('/api/payments/reconciliations?provider=mobile_money&day=2026-02-28');
  });
});
