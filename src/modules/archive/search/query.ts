import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { TextLanguage } from './schema.ts';
import { normaliseForSearch, SEARCH_CONFIGS, TEXT_LANGUAGES } from './text.ts';
import { visibleTo, type Viewer } from './visibility.ts';

export const HITS_PER_PAGE = 20;

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

function conditions(viewer: Viewer, query: SearchQuery, q: string): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [matches(q, query.lang ? [query.lang] : TEXT_LANGUAGES), visibleTo(viewer)];
  if (query.agency) parts.push(sql`a.code = ${query.agency}`);
  if (query.recordType) parts.push(sql`p.source_type = ${query.recordType}`);
  if (query.class) parts.push(sql`p.retention_class = ${query.class}`);
  if (query.from) parts.push(sql`p.stored_at >= ${query.from}::date`);
  if (query.to) parts.push(sql`p.stored_at < ${query.to}::date + 1`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

const FROM = sql`archive_texts t join archive_packages p on p.id = t.package_id join agencies a on a.id = p.agency_id left join archive_files f on f.id = t.file_id`;

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
  stored_at: Date | null;
  path: string | null;
  page: number | null;
  language: string;
  headline: string;
}

interface FacetRow {
  facet: 'agency' | 'recordType' | 'year' | 'class' | 'total';
  value: string | null;
  count: number | string;
}

/** Full-text search over descriptions and OCR'd pages, only over what `viewer` may see. */
export async function searchArchive(db: Db, viewer: Viewer, query: SearchQuery): Promise<SearchResult> {
  const q = normaliseForSearch(query.q);
  const where = conditions(viewer, query, q);
  const offset = ((query.page ?? 1) - 1) * HITS_PER_PAGE;
  // One hit per description or page (its best language: a reference matches all three rows), ranked;
  // highlighted after: ts_headline re-parses a text, so only the page shown pays it.
  const hits = await sql<HitRow>`
    with best as (
      select distinct on (t.package_id, t.file_id, t.page)
        t.id, t.body, t.language, t.page, f.path, p.identifier, p.title, a.code as agency, p.source_type, p.retention_class, p.access_level, p.stored_at,
        ts_rank(t.document, ${queryOf(q, sql`t.language`)}) as rank
      from ${FROM}
      where ${where}
      order by t.package_id, t.file_id, t.page, rank desc, t.id
    ), ranked as (
      select * from best order by rank desc, id limit ${HITS_PER_PAGE} offset ${offset}
    )
    select identifier, title, agency, source_type, retention_class, access_level, stored_at, path, page, language,
      ts_headline(${configOf(sql`language`)}, body, ${queryOf(q, sql`language`)}, ${`StartSel="${START}", StopSel="${STOP}", MaxWords=30, MinWords=10, MaxFragments=2`}) as headline
    from ranked order by rank desc, id`.execute(db);
  const facets = await sql<FacetRow>`
    with packages as (
      select distinct p.id, a.code as agency, p.source_type, extract(year from p.stored_at)::int::text as year, p.retention_class
      from ${FROM}
      where ${where}
    )
    select case grouping(agency, source_type, year, retention_class)
        when 7 then 'agency' when 11 then 'recordType' when 13 then 'year' when 14 then 'class' else 'total' end as facet,
      coalesce(agency, source_type, year, retention_class) as value, count(*) as count
    from packages
    group by grouping sets ((agency), (source_type), (year), (retention_class), ())
    order by count(*) desc, value`.execute(db);
  const facetOf = (name: FacetRow['facet']) => facets.rows.filter((r) => r.facet === name).map((r) => ({ value: r.value ?? '', count: Number(r.count) }));
  return {
    total: Number(facets.rows.find((r) => r.facet === 'total')?.count ?? 0),
    hits: hits.rows.map((r) => ({
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
    facets: { agency: facetOf('agency'), recordType: facetOf('recordType'), year: facetOf('year'), class: facetOf('class') },
  };
}
