import { describe, expect, it } from 'vitest';
import { readTariffFile, type TariffProblem } from './tariff-file.ts';
import { CIGARETTES, RICE, tariffFile, tariffRow, WINE } from './test-tariff-file.ts';

const subheadings = new Set(['100630', '240220', '220421', '252329']);
const read = (text: string, overrides: { label?: string; validFrom?: string } = {}) => readTariffFile(text, { subheadings, ...overrides });
const problemsOf = (text: string): Pick<TariffProblem, 'line' | 'field' | 'code'>[] => {
  const reading = read(text);
  if (reading.ok) throw new Error('the file was accepted');
  return reading.problems.map(({ line, field, code }) => ({ line, field, code }));
};

describe('reading a national tariff file', () => {
  it('reads the settings and every line, with excises and their units', () => {
    const reading = read(tariffFile([RICE, CIGARETTES, WINE]));
    expect(reading).toEqual({
      ok: true,
      file: {
        label: 'Tarif de test',
        validFrom: '2026-07-01',
        feeRates: { statisticalFeePercent: '1', communityLevyPercent: '0.5' },
        lines: [
          { line: 7, nationalLine: '1006300000', hs6: '100630', description: 'Rice, semi-milled or wholly milled', dutyBand: 10, vatPercent: '18', excise: null, communityPreference: true },
          { line: 8, nationalLine: '2402200000', hs6: '240220', description: 'Cigarettes containing tobacco', dutyBand: 20, vatPercent: '18', excise: { kind: 'ad_valorem', percent: '45' }, communityPreference: true },
          { line: 9, nationalLine: '2204210000', hs6: '220421', description: 'Wine, still, in containers of 2 l or less', dutyBand: 20, vatPercent: '18', excise: { kind: 'specific', amountPerUnit: '150', unit: 'LTR' }, communityPreference: true },
        ],
      },
    });
  });

  it('takes the label and first day given on the command line over the file’s own', () => {
    const reading = read(tariffFile([RICE], { label: null, valid_from: '2026-07-01' }), { label: 'Révision de juillet', validFrom: '2026-08-01' });
    expect(reading.ok && { label: reading.file.label, validFrom: reading.file.validFrom }).toEqual({ label: 'Révision de juillet', validFrom: '2026-08-01' });
  });

  it('accepts national lines written with dots, and a quoted description holding commas and quotes', () => {
    const reading = read(tariffFile([tariffRow({ national_line: '1006.30.00.00', description: 'Rice, "parfumé", long grain' })]));
    expect(reading.ok && reading.file.lines[0]).toMatchObject({ nationalLine: '1006300000', description: 'Rice, "parfumé", long grain' });
  });

  it('refuses every kind of bad line, each with its own line number and column', () => {
    const file = tariffFile([
      RICE,
      tariffRow({ national_line: '9999990000', hs6: '999999' }),
      tariffRow({ band: '15' }),
      tariffRow({ vat_percent: '118' }),
      tariffRow({ excise_kind: 'per_bottle', excise_rate: '3' }),
      tariffRow({ excise_kind: 'specific', excise_rate: '150', excise_unit: 'litre' }),
      tariffRow({ excise_kind: 'ad_valorem', excise_rate: '0' }),
      tariffRow({ excise_kind: 'ad_valorem', excise_rate: '45', excise_unit: 'LTR' }),
      tariffRow({ community_preference: 'yes' }),
      tariffRow({ national_line: '2523290000' }),
      tariffRow({ description: '' }),
      CIGARETTES,
      tariffRow({ national_line: '2402.20.00.00', hs6: '240220' }),
    ]);
    expect(problemsOf(file)).toEqual([
      { line: 8, field: 'hs6', code: 'tariff_line_unknown_hs6' },
      { line: 9, field: 'band', code: 'tariff_line_band' },
      { line: 10, field: 'vat_percent', code: 'tariff_line_vat' },
      { line: 11, field: 'excise_kind', code: 'tariff_line_excise_kind' },
      { line: 12, field: 'excise_unit', code: 'tariff_line_excise_unit' },
      { line: 13, field: 'excise_rate', code: 'tariff_line_excise_rate' },
      { line: 14, field: 'excise_unit', code: 'tariff_line_excise_unit' },
      { line: 15, field: 'community_preference', code: 'tariff_line_preference' },
      { line: 16, field: 'national_line', code: 'tariff_line_national_line' },
      { line: 17, field: 'description', code: 'tariff_line_description' },
      { line: 19, field: 'national_line', code: 'tariff_line_duplicate' },
    ]);
  });

  it('names the earlier line a duplicate repeats', () => {
    const reading = read(tariffFile([RICE, WINE, RICE]));
    expect(!reading.ok && reading.problems).toEqual([{ line: 9, field: 'national_line', code: 'tariff_line_duplicate', params: { nationalLine: '1006300000', first: 7 } }]);
  });

  it('refuses a line with a cell too many, as an unquoted comma makes', () => {
    const file = tariffFile([RICE]).replace('Rice, semi-milled', 'Rice; semi-milled').trimEnd() + '\n1006100000,100610,10,18,,,,true,Rice, in the husk\n';
    expect(problemsOf(file)).toEqual([{ line: 8, field: 'csv', code: 'tariff_line_columns' }]);
  });

  it('refuses missing, malformed and unknown settings', () => {
    expect(problemsOf(tariffFile([RICE], { label: null, valid_from: null, statistical_fee_percent: null, community_levy_percent: '0,5' }))).toEqual([
      { line: 1, field: 'label', code: 'tariff_metadata_missing' },
      { line: 1, field: 'valid_from', code: 'tariff_metadata_missing' },
      { line: 1, field: 'statistical_fee_percent', code: 'tariff_metadata_missing' },
      { line: 1, field: 'community_levy_percent', code: 'tariff_metadata_invalid' },
    ]);
    expect(problemsOf(tariffFile([RICE], { valid_from: '2026-02-30' }))).toEqual([{ line: 1, field: 'valid_from', code: 'tariff_metadata_invalid' }]);
    expect(problemsOf(`# valid_form: 2026-07-01\n${tariffFile([RICE])}`)).toEqual([{ line: 1, field: 'valid_form', code: 'tariff_metadata_unknown' }]);
  });

  it('refuses a header that does not name the columns, and a file without lines', () => {
    const renamed = tariffFile([RICE]).replace('vat_percent', 'vat');
    expect(read(renamed)).toEqual({
      ok: false,
      problems: [{ line: 6, field: 'header', code: 'tariff_header', params: { missing: 'vat_percent', unknown: 'vat', expected: 'national_line,hs6,band,vat_percent,excise_kind,excise_rate,excise_unit,community_preference,description' } }],
    });
    expect(problemsOf(tariffFile([]))).toEqual([{ line: 6, field: 'csv', code: 'tariff_empty' }]);
  });

  it('refuses text that is not CSV, at the line where it breaks', () => {
    expect(problemsOf(`${tariffFile([RICE])}1006100000,100610,10,18,,,,true,"Rice in the husk\n`)).toEqual([{ line: 8, field: 'csv', code: 'tariff_csv_malformed' }]);
  });
});
