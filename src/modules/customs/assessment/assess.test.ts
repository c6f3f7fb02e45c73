import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { LOCALES, translate } from '../../../platform/i18n/i18n.ts';
import { assess } from './assess.ts';
import { CEMENT, CIGARETTES, RICE, WINE, context, feeRates, item, tariff } from './test-tariff.ts';
import type { AssessedItem, AssessmentItem, LineCode } from './types.ts';

const amounts = (assessed: AssessedItem) => Object.fromEntries(assessed.lines.map((l) => [l.code, l.amount])) as Partial<Record<LineCode, number>>;
/** The exact product of each line that rounding changed, as the explanation names it. */
const exacts = (assessed: AssessedItem) =>
  Object.fromEntries(assessed.lines.flatMap((l) => l.explanation.filter((p) => p.key === 'customs.assessment.rounded').map((p) => [l.code, p.params.exact])));
const only = (items: AssessmentItem[]) => assess({ items }, tariff, feeRates, context);

function refusal(run: () => unknown): { code: string; path: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const [field] = (error.details as { fields: { path: string }[] }).fields;
    for (const locale of LOCALES) expect(translate(locale, `errors.${error.code}`, error.params)).not.toMatch(/errors\.|\{\{/);
    return { code: error.code, path: field?.path ?? '' };
  }
  throw new Error('expected a refusal');
}

// The three worked examples of docs/customs/assessment.md, every figure.
describe('worked examples', () => {
  it('example 1: 25 t of milled rice from Thailand, USD 11,250 at 562.35', () => {
    const result = only([item({ nationalLine: RICE, customsValue: '11250.00', invoiceCurrency: 'USD', origin: 'TH', quantity: { amount: '25000', unit: 'kg' } })]);
    const [rice] = result.items;
    expect(rice?.customsValue).toEqual({ invoiceAmount: '11250', currency: 'USD', rate: '562.35', national: 6_326_438 });
    expect(rice?.explanation[0]?.params).toMatchObject({ exact: '6326437.5', national: 6_326_438 });
    expect(amounts(rice!)).toEqual({ duty: 632_644, statistical_fee: 63_264, community_levy: 31_632, vat: 1_269_716 });
    expect(exacts(rice!)).toEqual({ duty: '632643.8', statistical_fee: '63264.38', community_levy: '31632.19', vat: '1269716.04' });
    expect(rice?.lines.find((l) => l.code === 'vat')?.basis).toEqual({ kind: 'ad_valorem', base: 7_053_978, percent: '18' });
    expect(result.total).toBe(1_997_256);
  });

  it('example 2: cigarettes and wine from France in euros, totals are sums of rounded lines', () => {
    const result = only([
      item({ nationalLine: CIGARETTES, customsValue: '8400.00', invoiceCurrency: 'EUR', origin: 'FR' }),
      item({ nationalLine: WINE, customsValue: '4950.75', invoiceCurrency: 'EUR', origin: 'FR', quantity: { amount: '1237.5', unit: 'l' } }),
    ]);
    const [cigarettes, wine] = result.items;
    expect(cigarettes?.customsValue.national).toBe(5_510_039);
    expect(cigarettes?.explanation[0]?.params).toMatchObject({ exact: '5510038.8' });
    expect(exacts(cigarettes!)).toEqual({ duty: '1102007.8', statistical_fee: '55100.39', community_levy: '27550.195', excise: '2479517.55', vat: '1651358.7' });
    expect(amounts(cigarettes!)).toEqual({ duty: 1_102_008, statistical_fee: 55_100, community_levy: 27_550, excise: 2_479_518, vat: 1_651_359 });
    expect(cigarettes?.lines.find((l) => l.code === 'vat')?.basis).toMatchObject({ base: 9_174_215 });
    expect(cigarettes?.total).toBe(5_315_535);

    expect(wine?.customsValue.national).toBe(3_247_479);
    expect(wine?.explanation[0]?.params).toMatchObject({ exact: '3247479.11775' });
    expect(exacts(wine!)).toEqual({ duty: '649495.8', statistical_fee: '32474.79', community_levy: '16237.395', vat: '743636.16' });
    expect(amounts(wine!)).toEqual({ duty: 649_496, statistical_fee: 32_475, community_levy: 16_237, excise: 185_625, vat: 743_636 });
    expect(wine?.lines.find((l) => l.code === 'excise')?.basis).toEqual({ kind: 'specific', quantity: '1237.5', unit: 'l', amountPerUnit: '150' });
    expect(wine?.lines.find((l) => l.code === 'vat')?.basis).toMatchObject({ base: 4_131_312 });
    expect(wine?.total).toBe(1_627_469);

    expect(result.totals).toEqual([
      { code: 'duty', amount: 1_751_504 },
      { code: 'statistical_fee', amount: 87_575 },
      { code: 'community_levy', amount: 43_787 },
      { code: 'excise', amount: 2_665_143 },
      { code: 'vat', amount: 2_394_995 },
    ]);
    expect(result.total).toBe(6_943_004);
  });

  it('example 3: cement from Côte d’Ivoire enters duty-free under the community preference; fees and VAT stay due', () => {
    const cement = item({ nationalLine: CEMENT, customsValue: '18500000', invoiceCurrency: 'XOF', origin: 'CI' });
    const claimed = only([{ ...cement, preferenceClaimed: true }]);
    const [exempt] = claimed.items;
    expect(amounts(exempt!)).toEqual({ duty: 0, statistical_fee: 185_000, community_levy: 92_500, vat: 3_379_950 });
    expect(exempt?.lines[0]).toMatchObject({ exemption: 'community_preference', explanation: [{ key: 'customs.assessment.duty_exempt', params: { origin: 'CI' } }] });
    expect(exempt?.lines.find((l) => l.code === 'vat')?.basis).toMatchObject({ base: 18_777_500 });
    expect(claimed.total).toBe(3_657_450);

    const [unclaimed] = only([cement]).items;
    expect(amounts(unclaimed!)).toEqual({ duty: 1_850_000, statistical_fee: 185_000, community_levy: 92_500, vat: 3_712_950 });
    expect(unclaimed?.total).toBe(5_840_450);
  });
});

describe('explanations', () => {
  it('give every line a message key and its figures, and name the exact product when rounding changed it', () => {
    const [rice] = only([item({ customsValue: '11250.00', invoiceCurrency: 'USD' })]).items;
    expect(rice?.lines[0]?.explanation).toEqual([
      { key: 'customs.assessment.duty', params: { percent: '10', base: 6_326_438, amount: 632_644 } },
      { key: 'customs.assessment.rounded', params: { exact: '632643.8', amount: 632_644 } },
    ]);
    expect(rice?.lines.at(-1)?.explanation[1]).toEqual({
      key: 'customs.assessment.vat_base',
      params: { value: 6_326_438, duty: 632_644, statisticalFee: 63_264, communityLevy: 31_632, excise: 0, base: 7_053_978 },
    });
  });

  it('keeps duty for community goods when the preference is not claimed or the line does not grant it', () => {
    const noPreference = new Map([...tariff].map(([k, v]) => [k, { ...v, communityPreference: false }]));
    const nigerian = item({ origin: 'NG', preferenceClaimed: true });
    expect(assess({ items: [nigerian] }, noPreference, feeRates, context).items[0]?.lines[0]?.amount).toBe(100_000);
    expect(only([item({ origin: 'CN', preferenceClaimed: true })]).items[0]?.lines[0]?.amount).toBe(100_000);
  });
  it('reads as a sentence in French, Arabic and English for every part of every example', () => {
    const result = only([
      item({ customsValue: '11250.00', invoiceCurrency: 'USD' }),
      item({ nationalLine: CIGARETTES }),
      item({ nationalLine: WINE, quantity: { amount: '12.5', unit: 'l' } }),
      item({ nationalLine: CEMENT, origin: 'CI', preferenceClaimed: true }),
    ]);
    const parts = result.items.flatMap((i) => [...i.explanation, ...i.lines.flatMap((l) => l.explanation)]);
    expect(new Set(parts.map((p) => p.key)).size).toBe(10);
    for (const locale of LOCALES) {
      for (const part of parts) expect(translate(locale, part.key, part.params)).not.toMatch(/customs\.assessment|\{\{/);
    }
  });
});

describe('bad input is refused with the field it concerns', () => {
  it.each([
    ['a negative value', { customsValue: '-1' }, 'items[0].customsValue'],
    ['an infinite value', { customsValue: Number.POSITIVE_INFINITY }, 'items[0].customsValue'],
    ['a value that is not a number', { customsValue: Number.NaN }, 'items[0].customsValue'],
    ['an absurd value', { customsValue: '1e20' }, 'items[0].customsValue'],
    ['a negative quantity', { nationalLine: WINE, quantity: { amount: '-3', unit: 'l' } }, 'items[0].quantity.amount'],
  ])('%s', (_, overrides, path) => {
    expect(refusal(() => only([item(overrides)]))).toEqual({ code: 'assessment_invalid_amount', path });
  });

  it('a currency without a rate of the day', () => {
    expect(refusal(() => only([item(), item({ invoiceCurrency: 'GBP' })]))).toEqual({ code: 'assessment_unknown_exchange_rate', path: 'items[1].invoiceCurrency' });
  });

  it('a nil rate of the day', () => {
    const broken = { ...context, exchangeRates: { USD: '0' } };
    expect(refusal(() => assess({ items: [item({ invoiceCurrency: 'USD' })] }, tariff, feeRates, broken))).toEqual({ code: 'assessment_invalid_amount', path: 'context.exchangeRates.USD' });
  });

  it('a national line absent from the tariff in force', () => {
    expect(refusal(() => only([item({ nationalLine: '9999.99.99.99' })]))).toEqual({ code: 'assessment_unknown_tariff_line', path: 'items[0].nationalLine' });
  });

  it('wine without a quantity in litres, for its specific excise', () => {
    expect(refusal(() => only([item({ nationalLine: WINE, quantity: { amount: '10', unit: 'kg' } })]))).toEqual({ code: 'assessment_quantity_unit', path: 'items[0].quantity' });
    expect(refusal(() => only([item({ nationalLine: WINE })]))).toEqual({ code: 'assessment_quantity_unit', path: 'items[0].quantity' });
  });

  it('a negative fee rate', () => {
    expect(refusal(() => assess({ items: [item()] }, tariff, { ...feeRates, communityLevyPercent: -0.5 }, context))).toEqual({ code: 'assessment_invalid_amount', path: 'rates.communityLevyPercent' });
  });
});
