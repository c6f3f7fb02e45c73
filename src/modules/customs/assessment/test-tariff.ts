import type { AssessmentContext, AssessmentItem, FeeRates, Tariff, TariffLine } from './types.ts';

/** Illustrative lines of a national tariff, the ones used in docs/customs/assessment.md. */
export const RICE = '1006.30.00.00';
export const CIGARETTES = '2402.20.00.00';
export const WINE = '2204.21.00.00';
export const CEMENT = '2523.29.00.00';
export const CAR = '8703.23.00.00';

const lines: TariffLine[] = [
  { nationalLine: RICE, dutyBand: 10, vatPercent: '18', communityPreference: true },
  { nationalLine: CIGARETTES, dutyBand: 20, vatPercent: '18', excise: { kind: 'ad_valorem', percent: '45' }, communityPreference: true },
  { nationalLine: WINE, dutyBand: 20, vatPercent: '18', excise: { kind: 'specific', amountPerUnit: '150', unit: 'l' }, communityPreference: true },
  { nationalLine: CEMENT, dutyBand: 10, vatPercent: '18', communityPreference: true },
  { nationalLine: CAR, dutyBand: 20, vatPercent: '18', communityPreference: true },
];
export const tariff: Tariff = new Map(lines.map((line) => [line.nationalLine, line]));

export const feeRates: FeeRates = { statisticalFeePercent: '1', communityLevyPercent: '0.5' };

export const context: AssessmentContext = {
  date: '2026-11-23',
  nationalCurrency: 'XOF',
  // EUR at the fixed CFA franc parity; USD as a rate of the day.
  exchangeRates: { EUR: '655.957', USD: '562.35' },
  communityMembers: ['BJ', 'BF', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'NG', 'SN', 'SL', 'TG'],
};

export const item = (overrides: Partial<AssessmentItem> = {}): AssessmentItem => ({
  nationalLine: RICE,
  customsValue: '1000000',
  invoiceCurrency: 'XOF',
  origin: 'TH',
  preferenceClaimed: false,
  ...overrides,
});
