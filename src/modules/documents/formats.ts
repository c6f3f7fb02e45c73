import type { LocalisedText } from '../../platform/auth/schema.ts';
import { LOCALES, translate, type Locale } from '../../platform/i18n/i18n.ts';

// Western digits in every language, as Kandara's administrations write them (and the QR carries them).
const TAGS: Record<Locale, string> = { fr: 'fr-u-nu-latn', ar: 'ar-u-nu-latn', en: 'en-GB-u-nu-latn' };
const dayFormats = Object.fromEntries(
  LOCALES.map((l) => [l, new Intl.DateTimeFormat(TAGS[l], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })]),
) as Record<Locale, Intl.DateTimeFormat>;
const formatsOf = (options: Intl.NumberFormatOptions) => Object.fromEntries(LOCALES.map((l) => [l, new Intl.NumberFormat(TAGS[l], options)])) as Record<Locale, Intl.NumberFormat>;
// A form's numbers are years, counts and record numbers as often as quantities: written as typed
// (with the language's decimal sign), never grouped ("2 019"). Amounts are grouped.
const plainNumbers = formatsOf({ useGrouping: false, maximumFractionDigits: 20 });
const amounts = formatsOf({});

/** 2026-03-15 → "15 mars 2026", "15 مارس 2026", "15 March 2026". */
export function formatDay(day: string, language: Locale): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormats[language].format(date);
}

export const formatNumber = (value: number, language: Locale) => plainNumbers[language].format(value);

export const formatAmount = (amount: number, currency: string, language: Locale) => `${amounts[language].format(amount)} ${currency}`;

/** A catalogue string in the three languages (a label the verification page shows in the reader's). */
export const localised = (key: string, params?: Record<string, unknown>): LocalisedText => ({
  fr: translate('fr', key, params),
  ar: translate('ar', key, params),
  en: translate('en', key, params),
});

/** Line breaks and runs of spaces from a form become one space: a document line is one line. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
