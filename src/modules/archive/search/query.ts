import { sql, type RawBuilder } from 'kysely';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { countFacets, facetsOf, type FacetRow } from './facets.ts';
import type { TextLanguage } from './schema.ts';
import { normaliseForSearch, SEARCH_CONFIGS, TEXT_LANGUAGES } from './text.ts';
import { textVisibleTo, type Viewer } from './visibility.ts';

export const HITS_PER_PAGE = 20;
/**
 * Texts ranked by one search: the newest this many matches, all of them when fewer match. A word
 * on most pages of a million is ranked among its newest matches instead of all of them: ranking
 * every one cannot be done in the time a search has, and says little (docs/archive/search.md).
 */
export const CANDIDATES = 200;
/**
 * Newest texts looked through first for those matches, in a bounded walk down the storage-date
 * index: a word on one text in a hundred fills the candidates from them, whatever the planner
 * guesses of its frequency (it guesses low for the words of one language, which occur only in that
 * language's texts, and lower still for two of them together; a bitmap over the GIN index it then
 * prefers reads every match). A word seen fewer times there is walked on as far as its frequency
 * says the rest lie, up to FURTHEST; rarer still, its few matches are read through the GIN index.
 */
const NEWEST_LOOKED_AT = 20_000;
const FURTHEST = 100_000;

export interface SearchQuery {
  q: string;
  lang?: TextLanguage | undefined;
  agency?: string | undefined;
  recordType?: string | undefined;
  class?: string | undefined;
  /** Stored on or after this day (YYYY-MM-DD). */
  from?: string | undefined;
  /** Stored on or before this day. */
  to?: string | undefined;
  page?: number | undefined;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** What a hit and a read say of the record. */
export interface RecordSummary {
  identifier: string;
  title: string;
  agency: string;
  recordType: string;
  class: string;
  accessLevel: string;
  storedAt: string | null;
}

export interface SearchHit extends RecordSummary {
  /** The OCR'd file and page the words were found on; null for a match in the description. */
  file: string | null;
  page: number | null;
  language: string;
  snippet: SnippetPart[];
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  /** Packages matching (not pages). */
  total: number;
  /** False when the total and the facet counts were estimated from a sample of the index (a search matching thousands of texts). */
  exact: boolean;
  hits: SearchHit[];
  facets: { agency: Facet[]; recordType: Facet[]; year: Facet[]; class: Facet[] };
}

/** ts_headline marks matches with these control characters, turned into parts below: no markup reaches a client. */
const START = '\u0002';
const STOP = '\u0003';

/** The configuration of the row's language. */
const configOf = (language: RawBuilder<unknown>) =>
  sql`(case ${language} ${sql.join(TEXT_LANGUAGES.map((l) => sql`when ${l} then ${sql.lit(SEARCH_CONFIGS[l])}::regconfig`), sql` `)} end)`;

/** The query parsed by the configuration of the row's language (for ranking and highlighting). */
const queryOf = (q: string, language: RawBuilder<unknown>) => sql`websearch_to_tsquery(${configOf(language)}, ${q})`;

/**
 * The match, one branch per language so each is a plain `document @@ constant query` the GIN index
 * answers (a query computed per row could not use it).
 */
function matches(q: string, languages: readonly TextLanguage[]): RawBuilder<boolean> {
  const branches = languages.map((l) => sql`(t.language = ${l} and t.document @@ websearch_to_tsquery(${sql.lit(SEARCH_CONFIGS[l])}::regconfig, ${q}))`);
  return sql<boolean>`(${sql.join(branches, sql` or `)})`;
}

/** Every condition of a search on `archive_texts t` alone: texts carry what the rule and the facets need of their package. */
function conditions(viewer: Viewer, query: SearchQuery, q: string): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [matches(q, query.lang ? [query.lang] : TEXT_LANGUAGES), textVisibleTo(viewer)];
  if (query.agency) parts.push(sql`t.agency_id = (select id from agencies where code = ${query.agency})`);
  if (query.recordType) parts.push(sql`t.source_type = ${query.recordType}`);
  if (query.class) parts.push(sql`t.retention_class = ${query.class}`);
  if (query.from) parts.push(sql`t.stored_at >= ${query.from}::date`);
  if (query.to) parts.push(sql`t.stored_at < ${query.to}::date + 1`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of headline.split(START).entries()) {
    const [marked, rest] = index === 0 ? [null, piece] : [piece.split(STOP)[0] ?? '', piece.split(STOP).slice(1).join('')];
    if (marked) parts.push({ text: marked, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

interface HitRow {
  identifier: string;
  title: string;
  agency: string;
  source_type: string;
  retention_class: string;
  access_level: string;
  stored_at: string | null;
  path: string | null;
  page: number | null;
  language: string;
  headline: string;
}

interface SearchRow {
  matched: number | string;
  /** Distinct packages among the candidates, for the estimate's packages-per-text ratio. */
  packages: number | string;
  facets: FacetRow[];
  hits: HitRow[];
}

/**
 * Full-text search over descriptions and OCR'd pages, only over what `viewer` may see: the newest
 * CANDIDATES matching texts, ranked; the page shown, highlighted; the total and facets, counted
 * when fewer texts match, estimated from a sample of the index when more do (facets.ts).
 */
export async function searchArchive(db: Db, viewer: Viewer, query: SearchQuery): Promise<SearchResult> {
  const q = normaliseForSearch(query.q);
  const where = conditions(viewer, query, q);
  const offset = ((query.page ?? 1) - 1) * HITS_PER_PAGE;
  // The newest matches come from a walk down the storage-date index for a word on many texts, from
  // the GIN index for a rare one (searchIn). One hit per description or page, in its best-ranked
  // language (a reference matches all three description rows); ts_headline re-parses a text, so
  // only the page shown pays it.
  return db.transaction().execute(async (trx) => {
    // Planned for these words every time: a plan cached for the statement (the PostgreSQL pool
    // prepares statements) would pick one index for a word on every page and for a name on three.
    // And on one process: starting parallel workers costs more than they save on a walk of a few
    // thousand rows, and their cores are the web server's (halved the slowest searches, measured).
    await sql`set local plan_cache_mode = force_custom_plan; set local max_parallel_workers_per_gather = 0`.execute(trx);
    return searchIn(trx, where, q, offset);
  });
}

/** The newest `texts` of the index (a walk down the storage-date index), or all of it. */
const newest = (texts: number | null) => (texts === null ? sql`archive_texts` : sql`(select * from archive_texts order by stored_at desc, id desc limit ${texts})`);

/** Where the candidates are looked for, widened until CANDIDATES are found or every match is. */
async function searchIn(db: Trx, where: RawBuilder<boolean>, q: string, offset: number): Promise<SearchResult> {
  let row = await searchStatement(db, newest(NEWEST_LOOKED_AT), where, q, offset);
  let matched = Number(row.matched);
  if (matched < CANDIDATES) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from (select 1 from archive_texts limit ${NEWEST_LOOKED_AT + 1}) x`.execute(db);
    // A larger index: look further, as far as the frequency seen says the rest lie, or ask the GIN index.
    if (Number(rows[0]?.n ?? 0) > NEWEST_LOOKED_AT) {
      const further = matched > 0 ? Math.ceil((1.5 * CANDIDATES * NEWEST_LOOKED_AT) / matched) : Infinity;
      if (further <= FURTHEST) row = await searchStatement(db, newest(further), where, q, offset);
      if (further > FURTHEST || Number(row.matched) < CANDIDATES) row = await searchStatement(db, newest(null), where, q, offset);
      matched = Number(row.matched);
    }
  }
  const counted = matched < CANDIDATES ? { exact: true, ...facetsOf(row.facets) } : await countFacets(db, where, Number(row.packages) / matched);
  return {
    total: counted.total,
    exact: counted.exact,
    hits: row.hits.map((r) => ({
      identifier: r.identifier,
      title: r.title,
      agency: r.agency,
      recordType: r.source_type,
      class: r.retention_class,
      accessLevel: r.access_level,
      storedAt: r.stored_at ? new Date(r.stored_at).toISOString() : null,
      file: r.path,
      page: r.page,
      language: r.language,
      snippet: snippetParts(r.headline),
    })),
    facets: counted.facets,
  };
}

/**
 * One statement: the newest CANDIDATES matching texts of `source`, ranked; the page shown,
 * highlighted; the facets of the candidates (all the matches, when fewer were found).
 */
async function searchStatement(db: Trx, source: RawBuilder<unknown>, where: RawBuilder<boolean>, q: string, offset: number): Promise<SearchRow> {
  const { rows } = await sql<SearchRow>`
    with candidates as materialized (
      select t.id, t.package_id, t.file_id, t.page, t.language, t.body, t.document, t.agency_id, t.source_type, t.retention_class, t.stored_at
        from ${source} t
       where ${where}
       order by t.stored_at desc, t.id desc
       limit ${CANDIDATES}
    ), best as (
      select distinct on (c.package_id, c.file_id, c.page) c.id, c.package_id, c.file_id, c.page, c.language, c.body, c.stored_at,
             ts_rank(c.document, ${queryOf(q, sql`c.language`)}) as rank
        from candidates c
       order by c.package_id, c.file_id, c.page, rank desc, c.id
    ), shown as (
      select * from best order by rank desc, stored_at desc, id desc limit ${HITS_PER_PAGE} offset ${offset}
    ), packages as (
      select distinct c.package_id, a.code as agency, c.source_type, extract(year from c.stored_at)::int::text as year, c.retention_class
        from candidates c join agencies a on a.id = c.agency_id
    )
    select (select count(*) from candidates) as matched,
           (select count(*) from packages) as packages,
           (select coalesce(json_agg(f), '[]') from (
              select case grouping(agency, source_type, year, retention_class)
                       when 7 then 'agency' when 11 then 'recordType' when 13 then 'year' when 14 then 'class' else 'total' end as facet,
                     coalesce(agency, source_type, year, retention_class) as value, count(*) as count
                from packages
               group by grouping sets ((agency), (source_type), (year), (retention_class), ())) f) as facets,
           (select coalesce(json_agg(h order by h.rank desc, h.stored_at desc, h.id desc), '[]') from (
              select s.id, s.rank, p.stored_at, p.identifier, p.title, a.code as agency, p.source_type, p.retention_class, p.access_level, f.path, s.page, s.language,
                     ts_headline(${configOf(sql`s.language`)}, s.body, ${queryOf(q, sql`s.language`)}, ${`StartSel="${START}", StopSel="${STOP}", MaxWords=30, MinWords=10, MaxFragments=2`}) as headline
                from shown s
                join archive_packages p on p.id = s.package_id and p.state = 'stored'
                join agencies a on a.id = p.agency_id
                left join archive_files f on f.id = s.file_id) h) as hits`.execute(db);
  return rows[0] as SearchRow;
}
