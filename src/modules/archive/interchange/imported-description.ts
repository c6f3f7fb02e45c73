import { LOCALES, translate, type Locale } from '../../../platform/i18n/i18n.ts';
import type { Description } from '../package.ts';
import type { ReadDublinCore } from './dublin-core-reading.ts';

/** bag-info.txt's elements: the first value of a label, case ignored (RFC 8493 §2.2.2). */
export type BagInfoLookup = (label: string) => string | undefined;

export function bagInfoLookup(elements: readonly [string, string][]): BagInfoLookup {
  return (label) => elements.find(([name, value]) => name.toLowerCase() === label.toLowerCase() && value.trim() !== '')?.[1].trim();
}

/** Longest text kept from another system's description: a title, not a document. */
const LONGEST = 1000;

/** Text from another system made fit for the archive's XML and search: no control characters, one line, bounded. */
export const cleanText = (text: string) =>
  text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, LONGEST);

/** One text per language: the bag's own in that language, else in another, else `fallback`. */
function localised(values: { text: string; lang: string | null }[], fallback: (locale: Locale) => string): Record<Locale, string> {
  const any = values[0]?.text;
  const inLanguage = (locale: Locale) => values.find((v) => v.lang?.toLowerCase().split('-')[0] === locale)?.text;
  return Object.fromEntries(LOCALES.map((locale) => [locale, cleanText(inLanguage(locale) ?? any ?? fallback(locale))])) as Record<Locale, string>;
}

/**
 * The Dublin Core description of a package imported from a bag: its own Dublin Core where it has
 * one (metadata/dublin-core.xml), else what bag-info.txt says (External-Description,
 * Source-Organization, Bagging-Date), else plain words saying where it came from.
 */
export function importedDescription(info: BagInfoLookup, dc: ReadDublinCore | null, reference: string, today: Date): Description {
  const values = (name: string) => dc?.values(name) ?? [];
  const description = info('External-Description');
  const organisation = info('Source-Organization');
  const type = values('type').some((v) => v.text.toLowerCase() === 'text') ? 'Text' : 'Collection';
  return {
    title: localised(values('title'), (locale) => description ?? translate(locale, 'archive.interchange.untitled', { reference })),
    creator: localised(values('creator'), (locale) => organisation ?? translate(locale, 'archive.interchange.unknown_creator')),
    subject: cleanText(values('subject')[0]?.text ?? 'BagIt'),
    date: cleanText(values('date')[0]?.text ?? info('Bagging-Date') ?? today.toISOString().slice(0, 10)),
    type,
    language: values('language').map((v) => cleanText(v.text)).slice(0, 10),
  };
}
