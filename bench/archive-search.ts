import { sql, type RawBuilder } from 'kysely';
import type { SearchQuery } from '../src/modules/archive/search/index.ts';
import type { Db } from '../src/platform/db/database.ts';
import { split, STOPWORDS, SYLLABLES, WORDS } from './archive-words.ts';
import { QUICK } from './harness.ts';

/**
 * The search index as a national archive's would be after 27 years of use, bulk-generated in SQL:
 * packages of every agency, record type, retention class and access level, stored one after the
 * other (so rows lie on disk in the order they were stored, as the ingest appends them), each
 * described in French, Arabic and English (three rows of `archive_texts`, as the ingest writes
 * them), and one package in five a scanned register of PAGES OCR'd pages (one row per page, in its
 * language). A page is running text: a third stop words, domain words drawn by Zipf's law (a few on
 * nearly every page, most on a page in ten or fewer), one word in seven a person's or place's name
 * among 8,000, one in ten a number or a date.
 */
export const PAGES = 5;
/**
 * Words on an OCR'd page: a typed A4 page holds 250–400; a register's page, a form's, fewer. Half
 * in a quick run, whose 45 s cannot pay for parsing four million words in WebAssembly.
 */
const WORDS_PER_PAGE = QUICK ? 80 : 160;
const YEARS = 27;

/** What the index holds for `texts` rows: three description rows per package plus PAGES per scanned one. */
export function indexShape(texts: number) {
  // 3 rows per package + PAGES rows for one package in five: 3 + PAGES / 5 rows per package.
  const packages = Math.round(texts / (3 + PAGES / 5));
  return { packages, scanned: Math.floor(packages / 5) };
}

const PROCEDURES = [
  ["Licence d'importation", 'رخصة استيراد', 'Import licence'],
  ['Certificat phytosanitaire', 'شهادة الصحة النباتية', 'Phytosanitary certificate'],
  ['Déclaration en douane', 'تصريح جمركي', 'Customs declaration'],
  ['Autorisation de mise sur le marché', 'ترخيص التسويق', 'Marketing authorisation'],
  ["Registre d'escale", 'سجل الرسو', 'Port call register'],
  ['Acte de naissance', 'عقد ولادة', 'Birth certificate'],
  ['Titre foncier', 'رسم عقاري', 'Land title'],
  ['Agrément de commerçant', 'اعتماد تاجر', 'Trader approval'],
];
const CLASSES = ['commerce-licences-10y', 'customs-certificates-10y', 'customs-declarations-10y', 'health-authorisations-10y', 'civil-status-copies-5y', 'judicial-extracts-5y'];
const AGENCIES = ['CUSTOMS', 'COMMERCE', 'AGRICULTURE', 'HEALTH', 'PORT', 'CIVIL_REGISTRY', 'JUSTICE'];

/** A text array for SQL from a list, passed as one parameter (both engines take a string). */
const list = (items: readonly string[]) => sql<string[]>`string_to_array(${items.join('\u001f')}, ${'\u001f'})`;

/** Each language's lists, as a table the texts join once (not an array built again for every word). */
function vocabulary() {
  const row = (language: 'fr' | 'ar' | 'en', index: number, script: keyof typeof SYLLABLES) =>
    sql`(${language}, ${list(split(WORDS[language]))}, ${list(split(STOPWORDS[language]))}, ${list(split(SYLLABLES[script]))}, ${list(PROCEDURES.map((p) => p[index] as string))})`;
  return sql`(values ${row('fr', 0, 'latin')}, ${row('ar', 1, 'arabic')}, ${row('en', 2, 'latin')}) v (language, words, stopwords, syllables, titles)`;
}

/** A name of three syllables of the language's script, chosen by `draw` (0…7999). */
const nameOf = (draw: RawBuilder<unknown>) => sql<string>`initcap(v.syllables[1 + ${draw} % 20] || v.syllables[1 + (${draw} / 20) % 20] || v.syllables[1 + (${draw} / 400) % 20])`;

/** Fills the index in one transaction; its packages are `bench-N` records. Returns the rows written. */
export async function fillSearchIndex(db: Db, texts: number): Promise<{ packages: number; texts: number }> {
  const { packages } = indexShape(texts);
  await db.transaction().execute(async (trx) => {
    // The same corpus on every run (random() below follows the seed on this connection).
    await sql`select setseed(0.2026)`.execute(trx);
    await sql`
      insert into archive_packages (identifier, source_type, source_id, source_reference, agency_id, title, retention_class, access_level, state, created_at, stored_at)
      select 'KD-ARC-' || extract(year from s.at) || '-B' || lpad(g::text, 7, '0'),
             case when g % 5 = 0 then 'scanned_record' when g % 3 = 0 then 'customs_declaration' else 'application' end,
             'bench-' || g, s.reference, s.agency_id,
             (${list(PROCEDURES.map((p) => p[0] as string))})[1 + g % ${PROCEDURES.length}] || ' — ' || s.reference,
             (${list(CLASSES)})[1 + (g / 7) % ${CLASSES.length}],
             -- Levels drawn apart from the other attributes (a hash, not g's residues, which would tie them to the record type).
             case when abs(hashint4(g)::bigint) % 10 < 3 then 'public' when abs(hashint4(g)::bigint) % 10 = 9 then 'confidential' else 'restricted' end,
             'stored', s.at, s.at
        from generate_series(1, ${packages}::int) g
        cross join lateral (
          select timestamptz '2000-01-03 09:00Z' + (g - 1) * (interval '${sql.raw(String(YEARS * 365))} days' / ${packages}::int) as at,
                 (select id from agencies where code = (${list(AGENCIES)})[1 + (g * 3) % ${AGENCIES.length}]) as agency_id
        ) t
        cross join lateral (select t.at, t.agency_id, 'KD-' || extract(year from t.at) || '-' || lpad(g::text, 7, '0') as reference) s`.execute(trx);
    await sql`
      insert into archive_files (package_id, path, size, sha256, sha512, format, role)
      select p.id, 'data/scans/register.pdf', 4000000, encode(sha256(p.id::text::bytea), 'hex'), encode(sha512(p.id::text::bytea), 'hex'), 'application/pdf', 'attachment'
        from archive_packages p
       where p.source_id like 'bench-%' and p.source_type = 'scanned_record'`.execute(trx);
    // In the order the packages were stored: descriptions as indexPackageMetadata writes them
    // (title, producing agency, class, reference, agency code, and the package's columns each text
    // carries), then the register's pages.
    await sql`
      insert into archive_texts (package_id, file_id, page, language, body, agency_id, access_level, source_type, retention_class, stored_at)
      select package_id, file_id, page, language, body, agency_id, access_level, source_type, retention_class, stored_at from (
        select p.id as package_id, null::uuid as file_id, null::int as page, v.language, n.g, 0 as ordinal,
               p.agency_id, p.access_level, p.source_type, p.retention_class, p.stored_at,
               v.titles[1 + n.g % ${PROCEDURES.length}] || ' ' || ${nameOf(sql`((n.g::bigint * 7919) % 8000)::int`)}
                 || ' \n ' || (a.names ->> v.language) || ' \n ' || p.retention_class || ' \n ' || p.source_reference || ' \n ' || a.code as body
          from archive_packages p
          join agencies a on a.id = p.agency_id
          cross join lateral (select substr(p.source_id, 7)::int as g) n
          cross join ${vocabulary()}
         where p.source_id like 'bench-%'
        union all
        select f.package_id, f.id, pg.page, v.language, n.g, pg.page, p.agency_id, p.access_level, p.source_type, p.retention_class, p.stored_at,
               -- w.i in the aggregate keeps it at this level (an aggregate of outer columns only would be the outer query's),
               -- and pg.page in the series makes it run again for every page.
               (select string_agg(case
                         when r.x < 0.35 then v.stopwords[1 + floor(random() * cardinality(v.stopwords))::int]
                         when r.x < 0.75 then v.words[floor(power(cardinality(v.words) + 1, random()))::int]
                         when r.x < 0.90 then ${nameOf(sql`floor(random() * 8000)::int`)}
                         when r.x < 0.95 then (floor(random() * 1000000))::int::text
                         else to_char(date '1990-01-01' + floor(random() * 12000)::int, 'DD/MM/YYYY') end, ' ')
                  from generate_series(1, ${WORDS_PER_PAGE} + 0 * pg.page) w (i) cross join lateral (select random() + 0 * w.i as x) r)
          from archive_files f
          join archive_packages p on p.id = f.package_id and p.source_id like 'bench-%'
          cross join lateral (select substr(p.source_id, 7)::int as g) n
          cross join generate_series(1, ${PAGES}) pg (page)
          join ${vocabulary()} on v.language = case when abs(hashint4(-n.g)::bigint) % 10 < 6 then 'fr' when abs(hashint4(-n.g)::bigint) % 10 < 9 then 'ar' else 'en' end
      ) rows
      order by g, ordinal, language`.execute(trx);
  });
  // As autovacuum leaves a table that has settled: statistics, and the visibility map index-only reads use.
  await sql`vacuum analyze archive_packages, archive_files, archive_texts`.execute(db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from archive_texts`.execute(db);
  return { packages, texts: rows[0]?.n ?? 0 };
}

/**
 * What people type: a word on nearly every page, words of middling and rare use, people's names
 * (on a few pages in a thousand), a known reference, two words, a phrase, Arabic and English words,
 * with and without the facets narrowing it (agency, record type, years, language), and a later page.
 */
export function searchMix(reference: string): { label: string; query: SearchQuery }[] {
  return [
    { label: 'word on most pages', query: { q: 'dossier' } },
    { label: 'frequent word, French', query: { q: 'marchandises', lang: 'fr' } },
    { label: 'middling word', query: { q: 'phytosanitaire' } },
    { label: 'rarer word', query: { q: 'assainissement' } },
    { label: 'family name', query: { q: 'Karimo' } },
    { label: 'Arabic name', query: { q: 'حامينو' } },
    { label: 'reference', query: { q: reference } },
    { label: 'two words', query: { q: 'licence importation' } },
    { label: 'phrase', query: { q: '"certificat phytosanitaire"' } },
    { label: 'Arabic word', query: { q: 'الجمارك' } },
    { label: 'Arabic two words', query: { q: 'شهادة منشأ', lang: 'ar' } },
    { label: 'English word', query: { q: 'warehouse' } },
    { label: 'word, one agency', query: { q: 'licence', agency: 'COMMERCE' } },
    { label: 'word, six years', query: { q: 'certificat', from: '2010-01-01', to: '2015-12-31' } },
    { label: 'word, scanned records', query: { q: 'registre', recordType: 'scanned_record' } },
    { label: 'word, page 5', query: { q: 'importation', page: 5 } },
  ];
}
