import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeeRule } from './definition.ts';
import { computeFees } from './fees.ts';

const label = { fr: 'Frais', ar: 'رسوم', en: 'Fee' };
const fixed = (amount: number): FeeRule => ({ kind: 'fixed', label, amount });
const perTonne = (unitAmount: number): FeeRule => ({ kind: 'per_unit', label, field: 'tonnes', unitAmount });
const byValue: FeeRule = {
  kind: 'band',
  label,
  field: 'value',
  bands: [
    { upTo: 1_000_000, amount: 5_000 },
    { upTo: 10_000_000, amount: 15_000 },
    { upTo: null, amount: 50_000 },
  ],
};

describe('fees computed from the form', () => {
  it('adds a file fee and a fee per tonne: 20 t of rice at 500 XOF/t plus 10,000 XOF', () => {
    const { lines, total } = computeFees([fixed(10_000), perTonne(500)], { tonnes: 20 });
    expect(total).toBe(20_000);
    expect(lines[1]).toMatchObject({ basis: { kind: 'per_unit', units: 20, unitAmount: 500 }, amount: 10_000 });
  });

  it('rounds a fractional quantity up to the next franc', () => {
    expect(computeFees([perTonne(333)], { tonnes: 0.5 }).total).toBe(167);
  });

  it('picks the band the declared value falls in, bounds included', () => {
    expect(computeFees([byValue], { value: 1_000_000 }).total).toBe(5_000);
    expect(computeFees([byValue], { value: 1_000_001 }).total).toBe(15_000);
    expect(computeFees([byValue], { value: 99_000_000 }).lines[0]).toMatchObject({ amount: 50_000, basis: { upTo: null } });
  });

  it('never decreases when the quantity grows, and always equals the sum of its lines', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
        const rules = [fixed(2_500), perTonne(750), { ...byValue, field: 'tonnes' } as FeeRule];
        const [low, high] = a <= b ? [a, b] : [b, a];
        const small = computeFees(rules, { tonnes: low });
        const large = computeFees(rules, { tonnes: high });
        expect(large.total).toBeGreaterThanOrEqual(small.total);
        expect(small.total).toBe(small.lines.reduce((s, l) => s + l.amount, 0));
      }),
    );
  });

  it('refuses a negative quantity rather than paying the applicant', () => {
    expect(() => computeFees([perTonne(500)], { tonnes: -3 })).toThrow(RangeError);
  });
});
