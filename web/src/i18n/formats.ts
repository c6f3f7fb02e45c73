import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { isLanguage } from './languages';

/**
 * Dates and numbers in the reader's language. Arabic keeps Western digits (CLDR `latn`, the
 * usage of the Maghreb), so that sequence numbers, hashes
 * and dates read the same as in the identifiers next to them.
 */
const localeTags: Record<Language, string> = { fr: 'fr-FR', ar: 'ar-u-nu-latn', en: 'en-GB' };

export interface Formats {
  dateTime(iso: string): string;
  date(iso: string): string;
  /** A calendar day written YYYY-MM-DD (a due day, a validity date): that day, wherever the reader is. */
  day(day: string): string;
  number(value: number): string;
}

const cache = new Map<Language, Formats>();

export function formatsFor(language: Language): Formats {
  const cached = cache.get(language);
  if (cached) return cached;
  const tag = localeTags[language];
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium' });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  const number = new Intl.NumberFormat(tag);
  const formats: Formats = {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    day: (day) => date.format(localMidnight(day)),
    number: (value) => number.format(value),
  };
  cache.set(language, formats);
  return formats;
}

/**
 * A day as the local midnight of that day: formatting the UTC midnight instead would show the day
 * before west of Greenwich.
 */
function localMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

/** The calendar day (YYYY-MM-DD) a moment falls on where the reader is. */
export function calendarDayOf(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The formats of the current language; components re-render with them when it changes. */
export function useFormats(): Formats {
  return formatsFor(useLanguage());
}

/** The interface language, for data that carries its own translations (agency names). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'fr';
}
