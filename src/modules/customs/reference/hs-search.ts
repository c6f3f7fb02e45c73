import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { displayCode } from './hs-codes.ts';
import { searchWords } from './search-text.ts';

export type HsLevel = 'chapter' | 'heading' | 'subheading' | 'national_line';

export interface HsMatch {
  /** As customs writes it: `10`, `10.06`, `1006.30`, `1006.30.00.00`. */
  code: string;
  level: HsLevel;
  description: string;
  /** The language `description` is in: the one asked for when the label exists, else French, else the WCO's English. */
  descriptionLocale: Locale;
  /** The code one level up (the subheading of a national line), as written. */
  parent: string | null;
}

const LEVELS = { 2: 'chapter', 4: 'heading', 6: 'subheading' } as const;

type Criterion = { code: string } | { words: string };

/**
 * A query of digits, dots and spaces only (`1006.30`, `1006 30 00`) searches by code prefix;
 * anything else by words, each of which must begin a word of the entry: `riz:* & blanchi:*`
 * (words hold only letters and digits, nothing to_tsquery would read as an operator).
 */
function criterionOf(query: string): Criterion | null {
  const digits = query.trim().replace(/[.\s]/g, '');
  if (/^[0-9]{1,10}$/.test(digits)) return { code: digits };
  const words = searchWords(query);
  return words.length ? { words: words.map((word) => `${word}:*`).join(' & ') } : null;
}

function inLocale(locale: Locale, texts: { en: string; fr: string | null; ar: string | null }): { description: string; descriptionLocale: Locale } {
  if (locale === 'ar' && texts.ar) return { description: texts.ar, descriptionLocale: 'ar' };
  if (locale !== 'en' && texts.fr) return { description: texts.fr, descriptionLocale: 'fr' };
  return { description: texts.en, descriptionLocale: 'en' };
}

export interface HsSearch {
  query: string;
  locale: Locale;
  limit: number;
  /** The tariff version whose national lines are searched too; null when no tariff is in force. */
  versionId: string | null;
}

/**
 * Chapters, headings, subheadings, then national lines, matching a code prefix or every word of
 * the query in English, French or Arabic. Broader levels come first: a search box shows the
 * heading "10.06 Riz" before its subheadings.
 */
export async function searchHs(db: Db, { query, locale, limit, versionId }: HsSearch): Promise<HsMatch[]> {
  const criterion = criterionOf(query);
  if (criterion === null) return [];
  const matchesNomenclature = 'code' in criterion ? sql<boolean>`n.code like ${`${criterion.code}%`}` : sql<boolean>`n.search_vector @@ to_tsquery('simple', ${criterion.words})`;

  const codes = await db
    .selectFrom('customs_hs_nomenclature as n')
    .select(['n.code', 'n.level', 'n.parent', 'n.description', 'n.label_fr', 'n.label_ar'])
    .where(matchesNomenclature)
    .orderBy('n.level')
    .orderBy('n.code')
    .limit(limit)
    .execute();
  const found: HsMatch[] = codes.map((row) => ({
    code: displayCode(row.code),
    level: LEVELS[row.level],
    parent: row.parent === null ? null : displayCode(row.parent),
    ...inLocale(locale, { en: row.description, fr: row.label_fr, ar: row.label_ar }),
  }));
  if (versionId === null || found.length >= limit) return found;

  const rest = limit - found.length;
  const lines = await ('code' in criterion ? linesByCode(db, versionId, criterion.code, rest) : linesByWords(db, versionId, criterion.words, rest));
  return [
    ...found,
    ...lines.map((row) => ({
      code: displayCode(row.national_line),
      level: 'national_line' as const,
      parent: displayCode(row.hs6),
      ...inLocale(locale, { en: row.description, fr: row.label_fr, ar: row.label_ar }),
    })),
  ];
}

const lineColumns = ['l.national_line', 'l.hs6', 'l.description', 'n.label_fr', 'n.label_ar'] as const;

function linesByCode(db: Db, versionId: string, code: string, limit: number) {
  return db
    .selectFrom('customs_tariff_lines as l')
    .innerJoin('customs_hs_nomenclature as n', 'n.code', 'l.hs6')
    .select(lineColumns)
    .where('l.version_id', '=', versionId)
    .where('l.national_line', 'like', `${code}%`)
    .orderBy('l.national_line')
    .limit(limit)
    .execute();
}

/**
 * A national line is found by its own words, or by its subheading's (in every language). Two
 * indexed queries joined by UNION: one OR across both tables' search vectors made PostgreSQL scan
 * every line of the version (10–20 ms against 3–5 ms, docs/customs/reference-data.md).
 */
function linesByWords(db: Db, versionId: string, words: string, limit: number) {
  const query = sql`to_tsquery('simple', ${words})`;
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('customs_tariff_lines as l')
        .innerJoin('customs_hs_nomenclature as n', 'n.code', 'l.hs6')
        .select(lineColumns)
        .where('l.version_id', '=', versionId)
        .where(sql<boolean>`l.search_vector @@ ${query}`)
        .union(
          eb
            .selectFrom('customs_hs_nomenclature as n')
            .innerJoin('customs_tariff_lines as l', (join) => join.onRef('l.hs6', '=', 'n.code').on('l.version_id', '=', versionId))
            .select(lineColumns)
            .where('n.level', '=', 6)
            .where(sql<boolean>`n.search_vector @@ ${query}`),
        )
        .as('matches'),
    )
    .selectAll()
    .orderBy('national_line')
    .limit(limit)
    .execute();
}
