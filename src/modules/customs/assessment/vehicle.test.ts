import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { assess } from './assess.ts';
import { CAR, context, feeRates, item, tariff } from './test-tariff.ts';
import { vehicleAssessment, type VehicleRules } from './vehicle.ts';

/** The shipped rules of reference-data/customs/vehicle-clearance.json. */
const rules: VehicleRules = {
  maxAgeYears: 10,
  depreciation: [
    { fromYears: 0, percent: 0 },
    { fromYears: 1, percent: 10 },
    { fromYears: 2, percent: 20 },
    { fromYears: 3, percent: 30 },
    { fromYears: 5, percent: 40 },
  ],
  surcharge: { fromYears: 6, percent: 10 },
};
const car = (year: number, customsValue = '8000') =>
  item({ nationalLine: CAR, customsValue, invoiceCurrency: 'EUR', origin: 'DE', vehicle: vehicleAssessment(rules, year, context.date, 'vehicle') });

describe('passenger car clearance', () => {
  it('example 4 of docs/customs/assessment.md: a 2019 car at EUR 8,000, written down 40 %, with the surcharge', () => {
    const result = assess({ items: [car(2019)] }, tariff, feeRates, context);
    const [assessed] = result.items;
    expect(assessed?.customsValue.national).toBe(3_148_594);
    expect(assessed?.explanation.map((p) => p.key)).toEqual(['customs.assessment.conversion', 'customs.assessment.vehicle_depreciation']);
    expect(assessed?.explanation[1]?.params).toEqual({ age: 7, percent: '40', value: 5_247_656, deduction: 2_099_062, national: 3_148_594 });
    expect(Object.fromEntries(assessed!.lines.map((l) => [l.code, l.amount]))).toEqual({
      duty: 629_719,
      statistical_fee: 31_486,
      community_levy: 15_743,
      vehicle_surcharge: 314_859,
      vat: 745_272,
    });
    expect(assessed?.lines.find((l) => l.code === 'vat')?.explanation[1]).toMatchObject({ key: 'customs.assessment.vat_base_vehicle', params: { vehicleSurcharge: 314_859, base: 4_140_401 } });
    expect(result.total).toBe(1_737_079);
  });

  it('charges a new car on its full value, with no surcharge', () => {
    const [assessed] = assess({ items: [car(2026)] }, tariff, feeRates, context).items;
    expect(assessed?.customsValue.national).toBe(5_247_656);
    expect(assessed?.lines.map((l) => l.code)).toEqual(['duty', 'statistical_fee', 'community_levy', 'vat']);
  });

  it('refuses a car older than the limit and one registered after the declaration, naming the field', () => {
    for (const year of [2015, 2027]) {
      const error = (() => {
        try {
          vehicleAssessment(rules, year, context.date, 'items[0].vehicle.firstRegistrationYear');
        } catch (caught) {
          return caught as AppError;
        }
        throw new Error('expected a refusal');
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe(year === 2015 ? 'declaration_vehicle_too_old' : 'declaration_vehicle_registered_later');
    }
  });

  it('never charges an older car on a higher value, and never charges less than nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2016, max: 2026 }), fc.integer({ min: 2016, max: 2026 }), fc.integer({ min: 1, max: 10_000_000 }), (a, b, value) => {
        const [older, newer] = [Math.min(a, b), Math.max(a, b)];
        const valueOf = (year: number) => assess({ items: [car(year, String(value))] }, tariff, feeRates, context).items[0]!;
        const [old, recent] = [valueOf(older), valueOf(newer)];
        expect(old.customsValue.national).toBeLessThanOrEqual(recent.customsValue.national);
        for (const line of [...old.lines, ...recent.lines]) expect(line.amount).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});
