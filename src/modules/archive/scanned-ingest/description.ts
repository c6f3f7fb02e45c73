/**
 * The description a batch's files share, as pure functions: titles in the three languages, the
 * records' date or date range, the OCR languages as search languages, each item's reference.
 */
import type { OcrLanguage } from '../scanned/index.ts';
import type { TextLanguage } from '../search/index.ts';
import type { BatchTitle } from './schema.ts';

const LANGUAGES = ['fr', 'ar', 'en'] as const;

/** The title in `language`, or the first one given (French, Arabic, English) when it has none there. */
export function titleIn(title: BatchTitle, language: (typeof LANGUAGES)[number]): string {
  const given = title[language]?.trim();
  if (given) return given;
  return LANGUAGES.map((l) => title[l]?.trim()).find((t) => t) ?? '';
}

export const hasTitle = (title: BatchTitle) => titleIn(title, 'fr') !== '';

/** The three languages' titles, each falling back to one that was given. */
export const localisedTitle = (title: BatchTitle) => ({ fr: titleIn(title, 'fr'), ar: titleIn(title, 'ar'), en: titleIn(title, 'en') });

/** A day, month or year (ISO 8601 reduced precision): 1987, 1987-03, 1987-03-12. */
export const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day a partial date covers, as YYYY-MM-DD; undefined for no such date (1987-02-30, month 13). */
export function daysCovered(date: string): { first: string; last: string } | undefined {
  const match = PARTIAL_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : undefined, match[3] ? Number(match[3]) : undefined];
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  const daysIn = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (day !== undefined && (day < 1 || day > daysIn(month ?? 1))) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  const first = `${match[1]}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
  const lastMonth = month ?? 12;
  const last = `${match[1]}-${pad(lastMonth)}-${pad(day ?? daysIn(lastMonth))}`;
  return { first, last };
}

/** Why a date or range is refused, or undefined: each must be a real date, and the range must not run backwards. */
export function dateRangeProblem(from: string, to: string | undefined): 'date' | 'range' | undefined {
  const start = daysCovered(from);
  const end = to === undefined ? start : daysCovered(to);
  if (!start || !end) return 'date';
  return end.last < start.first ? 'range' : undefined;
}

/** Dublin Core's date: one date, or a range as an ISO 8601 interval (1985/1990). */
export const dublinCoreDate = (from: string, to: string | null | undefined) => (to ? `${from}/${to}` : from);

/** The search configuration of each OCR language (ISO 639-2 → the platform's ISO 639-1 codes). */
export const SEARCH_LANGUAGE_OF: Record<OcrLanguage, TextLanguage> = { fra: 'fr', ara: 'ar', eng: 'en' };

/** An item's record reference: the batch's, then its place in the batch (KD-SCAN-2026-000004-012). */
export const itemReference = (batchReference: string, position: number) => `${batchReference}-${String(position).padStart(3, '0')}`;
