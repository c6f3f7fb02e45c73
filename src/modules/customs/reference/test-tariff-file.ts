import { COLUMNS } from './tariff-file.ts';

/** Small national tariff files for tests, written the way an administrator would. */
type Row = Record<(typeof COLUMNS)[number], string>;

export const tariffRow = (overrides: Partial<Row> = {}): Row => ({
  national_line: '1006300000',
  hs6: '100630',
  band: '10',
  vat_percent: '18',
  excise_kind: '',
  excise_rate: '',
  excise_unit: '',
  community_preference: 'true',
  description: 'Rice, semi-milled or wholly milled',
  ...overrides,
});

export const RICE = tariffRow();
export const CIGARETTES = tariffRow({ national_line: '2402200000', hs6: '240220', band: '20', excise_kind: 'ad_valorem', excise_rate: '45', description: 'Cigarettes containing tobacco' });
export const WINE = tariffRow({ national_line: '2204210000', hs6: '220421', band: '20', excise_kind: 'specific', excise_rate: '150', excise_unit: 'LTR', description: 'Wine, still, in containers of 2 l or less' });

const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * A tariff file: `# key: value` settings (null leaves one out), the header, then the rows. The
 * header is line 6 with every setting given, so the first row is line 7.
 */
export function tariffFile(rows: readonly Row[], settings: Partial<Record<'label' | 'valid_from' | 'statistical_fee_percent' | 'community_levy_percent', string | null>> = {}): string {
  const all = { label: 'Tarif de test', valid_from: '2026-07-01', statistical_fee_percent: '1', community_levy_percent: '0.5', ...settings };
  const preamble = ['# A test tariff', ...Object.entries(all).flatMap(([key, value]) => (value === null ? [] : [`# ${key}: ${value}`]))];
  return [...preamble, COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(','))].join('\n') + '\n';
}
