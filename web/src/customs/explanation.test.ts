import { describe, expect, it } from 'vitest';
import { formatsFor } from '../i18n/formats';
import { decimalFormatter, explanationParams, explanationText } from './explanation';

const french = formatsFor('fr').number;
const english = formatsFor('en');

describe('the figures of an explanation', () => {
  it('writes exact decimals with the reader’s separators, never through a float', () => {
    expect(decimalFormatter(french)('20244.6')).toBe(`20\u202f244,6`);
    expect(decimalFormatter(english.number)('12345678901234.123456')).toBe('12,345,678,901,234.123456');
    expect(decimalFormatter(english.number)('0.5')).toBe('0.5');
    expect(decimalFormatter(english.number)('562')).toBe('562');
  });

  it('formats numbers, decimal figures and days, and leaves codes and names as written', () => {
    const params = explanationParams(
      { value: '3600', currency: 'USD', rate: '562.35', date: '2026-11-24', national: 2024460, hsCode: '2402.20.00.00', prefix: '2402', profile: 'cigarettes' },
      english,
    );
    expect(params).toEqual({ value: '3,600', currency: 'USD', rate: '562.35', date: '24 Nov 2026', national: '2,024,460', hsCode: '2402.20.00.00', prefix: '2402', profile: 'cigarettes' });
  });
});

describe('an explanation sentence', () => {
  const known = new Map([['customs.assessment.duty', 'Duty: {{percent}} % of {{base}} = {{amount}}.']]);
  const translate = {
    exists: (key: string) => known.has(key),
    t: (key: string, params: Record<string, string>) => (known.get(key) ?? key).replace(/{{(\w+)}}/g, (_, name: string) => params[name] ?? ''),
  };

  it('is worded from the catalogue with its figures formatted', () => {
    const text = explanationText({ key: 'customs.assessment.duty', params: { percent: '10', base: 2024460, amount: 202446 } }, translate, english);
    expect(text).toBe('Duty: 10 % of 2,024,460 = 202,446.');
  });

  it('still says its key and figures when the interface does not know it yet', () => {
    expect(explanationText({ key: 'customs.risk.hit.new_kind', params: { item: 2, origin: 'AE' } }, translate, english)).toBe('customs.risk.hit.new_kind (item 2, origin AE)');
    expect(explanationText({ key: 'customs.risk.something', params: {} }, translate, english)).toBe('customs.risk.something');
  });
});
