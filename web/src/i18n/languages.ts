import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../api/types';
import fr from './fr.json';

export const languages: readonly Language[] = ['fr', 'ar', 'en'];
export const defaultLanguage: Language = 'fr';
const storageKey = 'guichet.lang';

/**
 * Each language is offered under its own name (an autonym, ISO 639 practice), whatever the
 * current language: someone who cannot read the page must still find their language.
 */
export const autonyms: Record<Language, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language chosen explicitly in this browser, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : defaultLanguage;
}

/** `dir` follows the script, so Arabic mirrors the whole layout through CSS logical properties. */
export function textDirection(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

/**
 * French is bundled with the shell, as the default and the fallback for any missing key;
 * Arabic and English are fetched when first chosen, which keeps the first load small.
 */
async function loadCatalogue(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const catalogue =
    language === 'ar' ? (await import('./ar.json')).default : (await import('./en.json')).default;
  i18next.addResourceBundle(language, 'translation', catalogue);
}

export async function initLanguage(): Promise<void> {
  const language = storedLanguage() ?? defaultLanguage;
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr } },
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  // Offline with an uncached catalogue: start in French rather than not at all.
  await switchLanguage(language, { remember: false }).catch(() =>
    switchLanguage(defaultLanguage, { remember: false }),
  );
}

export async function switchLanguage(
  language: Language,
  { remember }: { remember: boolean } = { remember: true },
): Promise<void> {
  await loadCatalogue(language);
  await i18next.changeLanguage(language);
  applyToDocument(language);
  if (remember) storeLanguage(language);
}

/**
 * Wraps a name (a person, company or agency, in whatever script it is written) in Unicode
 * first-strong isolates, so an Arabic name in a French sentence, or a Latin one in Arabic,
 * keeps its own direction and does not reorder the punctuation around it (UAX #9, FSI/PDI).
 */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}
