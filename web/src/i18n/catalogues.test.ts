import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

type Catalogue = { [key: string]: string | Catalogue };

function keysOf(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? '').sort();
}

function valueAt(catalogue: Catalogue, path: string): string {
  const value = path.split('.').reduce<string | Catalogue | undefined>(
    (node, key) => (typeof node === 'object' ? node[key] : undefined),
    catalogue,
  );
  return typeof value === 'string' ? value : '';
}

describe('the interface catalogues', () => {
  it('translate every French key into Arabic and English, and nothing else', () => {
    const french = keysOf(fr).sort();
    expect(keysOf(ar).sort()).toEqual(french);
    expect(keysOf(en).sort()).toEqual(french);
  });

  it('keep the same placeholders in every language', () => {
    for (const key of keysOf(fr)) {
      const expected = placeholdersOf(valueAt(fr, key));
      expect(placeholdersOf(valueAt(ar, key)), key).toEqual(expected);
      expect(placeholdersOf(valueAt(en, key)), key).toEqual(expected);
    }
  });

  it('write the Arabic catalogue in Arabic script', () => {
    // Keys that are the same in every language: the product name and pure layout patterns.
    const languageNeutral = ['app.name', 'app.documentTitle', 'agency.roleAt'];
    const withoutArabic = keysOf(ar).filter(
      (key) => !languageNeutral.includes(key) && !/[\u0600-\u06FF]/.test(valueAt(ar, key)),
    );
    expect(withoutArabic).toEqual([]);
  });
});
