import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountingGap, balances, feeCredit, journal, MOBILE_MONEY_CLEARING, reversal, unallocatedCredit, UNALLOCATED_RECEIPTS, type CreditedPayment, type JournalEntry } from './ledger.ts';
import { transition, type PaymentNews, type PaymentState } from './payment-states.ts';

const label = (en: string) => ({ fr: en, ar: en, en });
const importCard: CreditedPayment = {
  provider: 'mobile_money',
  deskAgencyCode: null,
  prepaidTaxId: null,
  agencyCode: 'COMMERCE',
  procedureId: 'import-export-card',
  amount: 25_000,
  currency: 'XOF',
  lines: [
    { label: label('Card issuance fee'), amount: 20_000 },
    { label: label('Stamp duty'), amount: 5_000 },
  ],
};

const balanceOf = (entries: JournalEntry[], code: string) => balances(entries).find((b) => b.account.code === code)?.balance ?? 0;

describe('the ledger', () => {
  it('credits each fee line to its own revenue account of the agency, against the mobile-money clearing account', () => {
    const entries = [feeCredit(importCard)];
    expect(balanceOf(entries, 'asset.mobile_money_clearing')).toBe(25_000);
    expect(balanceOf(entries, 'revenue.COMMERCE.import-export-card.card-issuance-fee')).toBe(20_000);
    expect(balanceOf(entries, 'revenue.COMMERCE.import-export-card.stamp-duty')).toBe(5_000);
    expect(accountingGap(balances(entries)).get('XOF')).toBe(0);
  });

  it("takes a counter payment into the desk's cash drawer", () => {
    const entries = [feeCredit({ ...importCard, provider: 'counter', deskAgencyCode: 'TREASURY' })];
    expect(balanceOf(entries, 'asset.cash_desk.TREASURY')).toBe(25_000);
    expect(balanceOf(entries, MOBILE_MONEY_CLEARING.code)).toBe(0);
  });

  it('brings every balance back to zero when a payment is refunded', () => {
    const credit = feeCredit(importCard);
    expect(balances([credit, reversal(credit)]).every((b) => b.balance === 0)).toBe(true);
  });

  it('holds money for a fee no longer due as owed back, never as revenue', () => {
    const entries = [unallocatedCredit(importCard)];
    expect(balanceOf(entries, UNALLOCATED_RECEIPTS.code)).toBe(25_000);
    expect(balances(entries).some((b) => b.account.kind === 'revenue')).toBe(false);
  });

  it('refuses postings that cannot be real: negative, fractional, within one account, or an empty entry', () => {
    const posting = { debit: MOBILE_MONEY_CLEARING, credit: UNALLOCATED_RECEIPTS, amount: 10 };
    expect(() => journal('XOF', [{ ...posting, amount: -10 }])).toThrow(RangeError);
    expect(() => journal('XOF', [{ ...posting, amount: 10.5 }])).toThrow(RangeError);
    expect(() => journal('XOF', [{ ...posting, credit: MOBILE_MONEY_CLEARING }])).toThrow(RangeError);
    expect(() => journal('XOF', [{ ...posting, amount: 0 }])).toThrow(RangeError);
    expect(() => journal('xof', [posting])).toThrow(RangeError);
    expect(() => feeCredit({ ...importCard, amount: 24_000 })).toThrow(/add up to 25000/);
  });
});

/** What can happen to an intent, in any order and any number of times: the news a provider or an administrator brings. */
const news: fc.Arbitrary<PaymentNews> = fc.oneof(
  fc.record({ kind: fc.constant('paid' as const), feeDue: fc.boolean() }),
  fc.constant({ kind: 'failed' as const }),
  fc.constant({ kind: 'refund_requested' as const }),
  fc.constant({ kind: 'refund_confirmed' as const }),
);

const payment: fc.Arbitrary<CreditedPayment> = fc
  .record({
    provider: fc.constantFrom('mobile_money' as const, 'counter' as const, 'prepaid' as const),
    agencyCode: fc.constantFrom('COMMERCE', 'HEALTH', 'CUSTOMS'),
    procedureId: fc.constantFrom('import-licence', 'import-export-card'),
    lines: fc.array(fc.record({ label: fc.constantFrom('Fee', 'Stamp duty', 'Inspection').map(label), amount: fc.integer({ min: 0, max: 500_000 }) }), { minLength: 1, maxLength: 4 }),
  })
  .filter((p) => p.lines.some((line) => line.amount > 0))
  .map((p) => ({ ...p, deskAgencyCode: p.provider === 'counter' ? 'TREASURY' : null, prepaidTaxId: p.provider === 'prepaid' ? 'KD-2015-000871' : null, currency: 'XOF', amount: p.lines.reduce((sum, line) => sum + line.amount, 0) }));

describe('the ledger under any sequence of payments, duplicate callbacks, refunds and failures', () => {
  it('stays balanced and credits each intent at most once', () => {
    fc.assert(
      fc.property(fc.array(payment, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), news), { maxLength: 60 }), (payments, happenings) => {
        const intents = payments.map((p) => ({ payment: p, state: 'pending' as PaymentState, credit: null as JournalEntry | null, credits: 0, reversals: 0 }));
        const ledger: JournalEntry[] = [];
        for (const [pick, what] of happenings) {
          const intent = intents[pick % intents.length]!;
          const step = transition(intent.state, what);
          if (!step) continue; // a duplicate or out-of-order notice changes nothing
          intent.state = step.to;
          if (step.post === 'credit_fee' || step.post === 'credit_unallocated') {
            intent.credit = step.post === 'credit_fee' ? feeCredit(intent.payment) : unallocatedCredit(intent.payment);
            intent.credits += 1;
            ledger.push(intent.credit);
          }
          if (step.post === 'reverse_credit') {
            ledger.push(reversal(intent.credit!));
            intent.reversals += 1;
          }
        }
        const accounts = balances(ledger);
        expect([...accountingGap(accounts).values()].every((gap) => gap === 0)).toBe(true);
        for (const intent of intents) {
          expect(intent.credits).toBeLessThanOrEqual(1);
          expect(intent.reversals).toBeLessThanOrEqual(intent.credits);
        }
        // Revenue is what the fees paid and not (yet) given back were worth; the rest is owed back.
        const standing = (kind: 'fee' | 'unallocated') =>
          intents
            .filter((i) => i.credit !== null && i.reversals === 0 && (i.credit.postings[0]?.credit.code === UNALLOCATED_RECEIPTS.code) === (kind === 'unallocated'))
            .reduce((sum, i) => sum + i.payment.amount, 0);
        expect(accounts.filter((b) => b.account.kind === 'revenue').reduce((sum, b) => sum + b.balance, 0)).toBe(standing('fee'));
        expect(accounts.find((b) => b.account.code === UNALLOCATED_RECEIPTS.code)?.balance ?? 0).toBe(standing('unallocated'));
        expect(intents.filter((i) => i.state === 'refunded').every((i) => i.reversals === 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
