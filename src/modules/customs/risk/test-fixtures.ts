import { expect } from 'vitest';
import { LOCALES, translate } from '../../../platform/i18n/i18n.ts';
import type { DeclarationInput, DeclarationItemInput } from '../declarations/types.ts';
import type { RiskProfile } from './profile-schema.ts';
import type { ExplanationPart, RandomSource, RiskRecord, SelectivityInput, SelectivitySettings } from './types.ts';

/** Factories for the selectivity tests and the worked examples of docs/customs/risk.md. */
export const RICE = '1006.30.00.00';
export const CIGARETTES = '2402.20.00.00';
export const CEMENT = '2523.29.00.00';
export const MEDICINES = '3004.90.00.00';

export const item = (overrides: Partial<DeclarationItemInput> = {}): DeclarationItemInput => ({
  hsCode: RICE,
  description: 'Milled rice, 25 kg bags',
  origin: 'TH',
  quantity: { amount: '20000', unit: 'KGM' },
  grossMassKg: '20200',
  netMassKg: '20000',
  customsValue: '9000.00',
  preferenceClaimed: false,
  documents: [],
  ...overrides,
});

export const declaration = (overrides: Partial<DeclarationInput> = {}): DeclarationInput => ({
  localReference: 'LRN-2026-0001',
  regime: 'import_home_use',
  officeCode: 'KDPRT',
  declarant: { taxId: 'KD-2015-000731', name: 'Transit Express Kandara', country: 'KD' },
  importer: { taxId: 'KD-2019-004512', name: 'Kandara Riz Import SARL', country: 'KD' },
  transport: { mode: 'sea', dispatchCountry: 'TH', containers: ['MSCU1234565'] },
  invoiceCurrency: 'USD',
  items: [item()],
  ...overrides,
});

export const record = (score: number): RiskRecord => ({ declarations: 12, inspections: 3, discrepancies: 0, seizures: 0, score });

export const input = (overrides: Partial<SelectivityInput> = {}): SelectivityInput => ({
  declaration: declaration(),
  // USD 9,000 at 562.35 XOF, rounded to the franc as the assessment does.
  itemValues: [5_061_150],
  importerRisk: record(20),
  declarantRisk: record(20),
  referencePrices: { '1006': 260, '100630': 280, '2523': 55 },
  recentDeclarations: [],
  date: '2026-11-23',
  ...overrides,
});

export const profile = (overrides: Partial<RiskProfile> & Pick<RiskProfile, 'criteria'>): RiskProfile => ({
  id: 'test-profile',
  names: { fr: 'Profil de test', ar: 'ملف اختبار', en: 'Test profile' },
  active: true,
  validFrom: '2026-01-01',
  score: 50,
  ...overrides,
});

export const settings: SelectivitySettings = { thresholds: { yellow: 40, red: 80 }, blueShareOfGreen: 0.05 };

/** The given draws in order; a draw more than the test foresaw fails it, so every draw is accounted for. */
export function sequence(...draws: number[]): RandomSource {
  let next = 0;
  return () => {
    const draw = draws[next];
    next += 1;
    if (draw === undefined) throw new Error(`draw ${next} was not foreseen`);
    return draw;
  };
}

/** A source that never selects anything: every rate is below it. */
export const neverDrawn: RandomSource = () => 0.999_999;

/** Every sentence reads in every language: no raw key, no unfilled placeholder, no unresolved nesting. */
export function expectReadable(parts: readonly ExplanationPart[]): void {
  for (const part of parts) {
    for (const locale of LOCALES) {
      const text = translate(locale, part.key, part.params);
      expect(text, `${part.key} in ${locale}`).not.toMatch(/customs\.risk|\{\{|\$t\(|undefined/);
    }
  }
}
