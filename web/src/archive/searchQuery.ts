import type { FacetName, SearchResult } from './types';

/** As the server pages its hits (src/modules/archive/search/query.ts): 20 a page, 50 pages at most. */
export const HITS_PER_PAGE = 20;
export const LAST_PAGE = 50;

export type SearchLanguage = '' | 'fr' | 'ar' | 'en';
const searchLanguages: readonly SearchLanguage[] = ['fr', 'ar', 'en'];

/** A search as the address bar holds it, so it can be bookmarked, shared and gone back to. */
export interface ArchiveSearch {
  q: string;
  /** Only texts in this language; '' for all three. */
  lang: SearchLanguage;
  agency: string;
  recordType: string;
  class: string;
  /** Stored on or after / on or before this day (YYYY-MM-DD). */
  from: string;
  to: string;
  page: number;
}

export const emptySearch: ArchiveSearch = { q: '', lang: '', agency: '', recordType: '', class: '', from: '', to: '', page: 1 };

const textParams = ['q', 'agency', 'recordType', 'class', 'from', 'to'] as const;
const day = /^\d{4}-\d{2}-\d{2}$/;

export function searchFrom(params: URLSearchParams): ArchiveSearch {
  const lang = params.get('lang') ?? '';
  const page = Number(params.get('page') ?? '1');
  const text = (name: (typeof textParams)[number]) => params.get(name)?.trim() ?? '';
  return {
    q: text('q'),
    lang: (searchLanguages as readonly string[]).includes(lang) ? (lang as SearchLanguage) : '',
    agency: text('agency'),
    recordType: text('recordType'),
    class: text('class'),
    from: day.test(text('from')) ? text('from') : '',
    to: day.test(text('to')) ? text('to') : '',
    page: Number.isInteger(page) && page >= 1 && page <= LAST_PAGE ? page : 1,
  };
}

/** The search's parameters, without the empty ones (page 1 is the default). */
export function paramsOf(search: ArchiveSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of textParams) if (search[name]) params.set(name, search[name]);
  if (search.lang) params.set('lang', search.lang);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** The API's address for this search; null while there is nothing to look for (the server needs words). */
export function searchApiPath(endpoint: string, search: ArchiveSearch): string | null {
  if (!search.q) return null;
  return `${endpoint}?${paramsOf(search).toString()}`;
}

/** A facet value chosen (or, chosen again, dropped); any narrowing starts again at the first page. */
export function withFacet(search: ArchiveSearch, facet: FacetName, value: string): ArchiveSearch {
  if (facet === 'year') {
    const range = yearRange(value);
    const chosen = search.from === range.from && search.to === range.to;
    return { ...search, ...(chosen ? { from: '', to: '' } : range), page: 1 };
  }
  return { ...search, [facet]: search[facet] === value ? '' : value, page: 1 };
}

/** Whether this facet value is the one the search is narrowed to. */
export function facetChosen(search: ArchiveSearch, facet: FacetName, value: string): boolean {
  if (facet === 'year') {
    const range = yearRange(value);
    return search.from === range.from && search.to === range.to;
  }
  return search[facet] === value;
}

export const yearRange = (year: string) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** A full page may have more after it, up to the last page the server serves. */
export function hasNextPage(result: SearchResult, page: number): boolean {
  return result.hits.length === HITS_PER_PAGE && page < LAST_PAGE;
}
