/**
 * The assessment and the selectivity explain themselves as catalogue keys with their figures
 * (`{ key: 'customs.assessment.duty', params: { percent: '10', base: 2024460, amount: 202446 } }`,
 * docs/customs/assessment.md, docs/customs/risk.md). The screens word them in the reader's
 * language, with the reader's digit grouping, and never round a figure the server wrote exactly.
 */
import type { Formats } from '../i18n/formats';
import type { ExplanationPart } from './types';

/** What the figures are written with: the reader's numbers and calendar days (i18n/formats.ts). */
export type FigureFormats = Pick<Formats, 'number' | 'day'>;

/** Figures the server writes as exact decimal strings ("562.35", "20244.6"); other strings (codes, dates, names) stay as written. */
const DECIMAL_PARAMS = new Set([
  'amountPerUnit',
  'exact',
  'floor',
  'percent',
  'quantity',
  'rate',
  'referencePrice',
  'threshold',
  'total',
  'value',
  'valuePerKg',
]);

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes an exact decimal string with the separators `formatNumber` uses (read off how it writes
 * 1234.5), without going through a binary float: "20244.6" is "20 244,6" in French.
 */
export function decimalFormatter(formatNumber: (value: number) => string): (text: string) => string {
  const sample = /^1(\D*)234(\D+)5$/.exec(formatNumber(1234.5));
  const group = sample?.[1] ?? ',';
  const point = sample?.[2] ?? '.';
  return (text) => {
    const match = PLAIN_DECIMAL.exec(text);
    if (!match) return text;
    const whole = (match[1] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return match[2] ? `${whole}${point}${match[2]}` : whole;
  };
}

/** The parameters as the sentence shows them: numbers, decimal figures and days in the reader's format, the rest untouched. */
export function explanationParams(params: Readonly<Record<string, string | number>>, formats: FigureFormats): Record<string, string> {
  const decimal = decimalFormatter(formats.number);
  const shown = (name: string, value: string | number) => {
    if (typeof value === 'number') return formats.number(value);
    if (DECIMAL_PARAMS.has(name)) return decimal(value);
    return name === 'date' && CALENDAR_DAY.test(value) ? formats.day(value) : value;
  };
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, shown(name, value)]));
}

/**
 * One sentence in the reader's language. A key the interface does not know yet (the server learnt
 * a new kind of explanation first) still says what it can: the key and its figures, never nothing.
 */
export function explanationText(
  part: ExplanationPart,
  translate: { exists(key: string): boolean; t(key: string, params: Record<string, string>): string },
  formats: FigureFormats,
): string {
  const params = explanationParams(part.params, formats);
  if (translate.exists(part.key)) return translate.t(part.key, params);
  const figures = Object.entries(params).map(([name, value]) => `${name} ${value}`);
  return figures.length ? `${part.key} (${figures.join(', ')})` : part.key;
}
