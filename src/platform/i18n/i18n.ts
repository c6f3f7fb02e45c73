import i18next, { type TFunction } from 'i18next';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const LOCALES = ['fr', 'ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// i18next on the server as in the browser: one interpolation syntax and CLDR plural rules
// (Arabic has six plural forms) for error messages, e-mails and issued documents alike.
const instance = i18next.createInstance();
void instance.init({
  resources: { fr: { translation: fr }, ar: { translation: ar }, en: { translation: en } },
  fallbackLng: 'fr',
  initAsync: false,
  interpolation: { escapeValue: false },
});
const translators = Object.fromEntries(LOCALES.map((l) => [l, instance.getFixedT(l)])) as Record<Locale, TFunction>;

export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string {
  return translators[locale](key, params ?? {}) as string;
}

/** Picks the best supported locale from an Accept-Language header (RFC 9110 §12.5.4 quality values). */
export function negotiateLocale(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? fallback;
}
