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
    number: (value) => number.format(value),
  };
  cache.set(language, formats);
  return formats;
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
