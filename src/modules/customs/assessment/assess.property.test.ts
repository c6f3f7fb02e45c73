import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from './assess.ts';
import { CEMENT, CIGARETTES, RICE, WINE, context, feeRates, tariff } from './test-tariff.ts';
import type { AssessmentItem, AssessmentLine } from './types.ts';

/** A value in cents written as a decimal, as an invoice shows it. */
const money = fc.bigInt({ min: 0n, max: 10n ** 11n }).map((cents) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`);
const line = fc.constantFrom(RICE, CIGARETTES, WINE, CEMENT);
const anyItem = fc.record({
  nationalLine: line,
  customsValue: money,
  invoiceCurrency: fc.constantFrom('XOF', 'EUR', 'USD'),
  origin: fc.constantFrom('TH', 'FR', 'CI', 'NG', 'CN'),
  preferenceClaimed: fc.boolean(),
  quantity: fc.integer({ min: 0, max: 10_000_000 }).map((tenths) => ({ amount: String(tenths / 10), unit: 'l' })),
}) satisfies fc.Arbitrary<AssessmentItem>;

const run = (items: AssessmentItem[]) => assess({ items }, tariff, feeRates, context);

describe('assessment properties', () => {
  it('every amount is a non-negative whole franc, and totals are sums of lines', () => {
    fc.assert(
      fc.property(fc.array(anyItem, { minLength: 1, maxLength: 5 }), (items) => {
        const result = run(items);
        for (const assessed of result.items) {
          for (const l of assessed.lines) expect(Number.isSafeInteger(l.amount) && l.amount >= 0).toBe(true);
          expect(assessed.total).toBe(assessed.lines.reduce((s, l) => s + l.amount, 0));
        }
        expect(result.total).toBe(result.totals.reduce((s, t) => s + t.amount, 0));
      }),
    );
  });

  it('never charges less on a higher customs value, line by line', () => {
    fc.assert(
      fc.property(anyItem, money, money, (base, a, b) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
        const [small] = run([{ ...base, customsValue: low }]).items;
        const [large] = run([{ ...base, customsValue: high }]).items;
        expect(large!.total).toBeGreaterThanOrEqual(small!.total);
        large!.lines.forEach((l, i) => expect(l.amount).toBeGreaterThanOrEqual(small!.lines[i]!.amount));
      }),
    );
  });

  it('lets community goods claiming the preference in duty-free, fees and excise unchanged, VAT on a base lower by the duty', () => {
    fc.assert(
      fc.property(anyItem, fc.constantFrom(...context.communityMembers), (base, origin) => {
        const [exempt] = run([{ ...base, origin, preferenceClaimed: true }]).items;
        const [taxed] = run([{ ...base, origin: 'CN', preferenceClaimed: true }]).items;
        const duty = taxed!.lines[0]!.amount;
        expect(exempt!.lines[0]).toMatchObject({ code: 'duty', amount: 0, exemption: 'community_preference' });
        expect(exempt!.lines.slice(1, -1)).toEqual(taxed!.lines.slice(1, -1));
        const vatBase = (lines: AssessmentLine[]) => {
          const basis = lines.at(-1)!.basis;
          return basis.kind === 'ad_valorem' ? basis.base : Number.NaN;
        };
        expect(vatBase(exempt!.lines)).toBe(vatBase(taxed!.lines) - duty);
        expect(exempt!.lines.at(-1)!.amount).toBeLessThanOrEqual(taxed!.lines.at(-1)!.amount);
      }),
    );
  });

  it('assessing in a foreign currency equals assessing its value converted at the rate of the day', () => {
    const rate = fc.integer({ min: 1, max: 10_000_000 }).map((tenThousandths) => String(tenThousandths / 10_000));
    fc.assert(
      fc.property(anyItem, rate, (base, r) => {
        const foreign = { ...base, invoiceCurrency: 'GBP' };
        const [converted] = assess({ items: [foreign] }, tariff, feeRates, { ...context, exchangeRates: { GBP: r } }).items;
        // The conversion is the invoice amount times the rate, to the nearest franc.
        expect(Math.abs(converted!.customsValue.national - Number(base.customsValue) * Number(r))).toBeLessThanOrEqual(0.5 + 1e-6 * converted!.customsValue.national);
        const [national] = run([{ ...base, invoiceCurrency: 'XOF', customsValue: String(converted!.customsValue.national) }]).items;
        expect(national!.lines).toEqual(converted!.lines);
        expect(national!.total).toBe(converted!.total);
      }),
    );
  });
});
