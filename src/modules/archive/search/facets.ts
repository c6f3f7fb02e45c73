import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../../platform/db/database.ts';
import type { Facet } from './query.ts';

/** One count of the grouping sets: a facet's value, or the total (no value). */
export interface FacetRow {
  facet: 'agency' | 'recordType' | 'year' | 'class' | 'total';
  value: string | null;
  count: number | string;
}

export interface FacetCounts {
  total: number;
  /** False when the counts were estimated from a sample. */
  exact: boolean;
  facets: { agency: Facet[]; recordType: Facet[]; year: Facet[]; class: Facet[] };
}

/** Texts a sample reads: 2 % of a million, some 10 ms. */
const SAMPLE_TEXTS = 20_000;
/** Matching texts a sample must hold for its estimate to be within about 15 %; fewer, and they are counted. */
const SAMPLED_ENOUGH = 50;
/** Matching texts counted one by one at most; beyond, the estimate stands, however rough. */
const COUNTED_AT_MOST = 20_000;

const byCount = (a: Facet, b: Facet) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

export function facetsOf(rows: readonly FacetRow[], scale = 1): Omit<FacetCounts, 'exact'> {
  const facetOf = (name: FacetRow['facet']) =>
    rows
      .filter((r) => r.facet === name)
      .map((r) => ({ value: r.value ?? '', count: Math.round(Number(r.count) * scale) }))
      .filter((f) => f.count > 0)
      .sort(byCount);
  return {
    total: Math.round(Number(rows.find((r) => r.facet === 'total')?.count ?? 0) * scale),
    facets: { agency: facetOf('agency'), recordType: facetOf('recordType'), year: facetOf('year'), class: facetOf('class') },
  };
}

const facetName = sql`case grouping(agency, source_type, year, retention_class)
  when 7 then 'agency' when 11 then 'recordType' when 13 then 'year' when 14 then 'class' else 'total' end`;
const FACETS = sql`grouping sets ((agency), (source_type), (year), (retention_class), ())`;
const COLUMNS = sql`t.package_id, a.code as agency, t.source_type, extract(year from t.stored_at)::int::text as year, t.retention_class`;

/**
 * The total and facets of a search matching more texts than it ranks. A sample of the index's disk
 * blocks (TABLESAMPLE SYSTEM, the same blocks every time, so the numbers stay put from one page to
 * the next) is read first: holding enough matches, it is scaled up, texts turned into packages by
 * the ratio the newest matches show. Holding too few to say much, the matches are counted.
 */
export async function countFacets(db: Trx, where: RawBuilder<boolean>, packagesPerText: number): Promise<FacetCounts> {
  const { rows: sized } = await sql<{ texts: number }>`select greatest(reltuples, 0)::float8 as texts from pg_class where oid = 'archive_texts'::regclass`.execute(db);
  const percent = (100 * SAMPLE_TEXTS) / Math.max(Number(sized[0]?.texts ?? 0), SAMPLE_TEXTS);
  if (percent < 100) {
    const { rows } = await sql<FacetRow>`
      select ${facetName} as facet, coalesce(agency, source_type, year, retention_class) as value, count(*) as count
        from (select ${COLUMNS} from archive_texts t tablesample system (${sql.lit(percent)}) repeatable (0) join agencies a on a.id = t.agency_id where ${where}) m
       group by ${FACETS}`.execute(db);
    const sampled = Number(rows.find((r) => r.facet === 'total')?.count ?? 0);
    if (sampled >= SAMPLED_ENOUGH) return { exact: false, ...facetsOf(rows, (100 / percent) * packagesPerText) };
  }
  const { rows } = await sql<FacetRow & { texts: number | string }>`
    with m as materialized (select ${COLUMNS} from archive_texts t join agencies a on a.id = t.agency_id where ${where} limit ${COUNTED_AT_MOST})
    select ${facetName} as facet, coalesce(agency, source_type, year, retention_class) as value, count(distinct package_id) as count, (select count(*) from m) as texts
      from m
     group by ${FACETS}`.execute(db);
  return { exact: Number(rows[0]?.texts ?? 0) < COUNTED_AT_MOST, ...facetsOf(rows) };
}
