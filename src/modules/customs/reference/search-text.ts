import { foldForSearch } from '../../catalogue/search-text.ts';

const ARABIC_ARTICLE = 'ال';

/** The words of `text` as search matches them: folded (no case, no diacritics), split on anything but letters and digits. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The search column's text: every word once, separated by single spaces; the database indexes it
 * as a tsvector so a query word finds the words it begins (riz → riz, not horizontal). An Arabic
 * word carrying the article (الأرز) is also stored without it (أرز), the light stemming Arabic search expects.
 */
export function searchTextOf(...texts: (string | null)[]): string {
  const words = new Set<string>();
  for (const word of texts.flatMap((text) => (text ? searchWords(text) : []))) {
    words.add(word);
    if (word.startsWith(ARABIC_ARTICLE) && word.length > ARABIC_ARTICLE.length + 1) words.add(word.slice(ARABIC_ARTICLE.length));
  }
  return [...words].join(' ');
}
