import { describe, expect, it } from 'vitest';
import { emptySearch, facetChosen, hasNextPage, HITS_PER_PAGE, paramsOf, searchApiPath, searchFrom, withFacet } from './searchQuery';
import type { SearchHit, SearchResult } from './types';

const hit: SearchHit = { identifier: 'KD-ARC-2026-000001', title: 'Licence', agency: 'COMMERCE', recordType: 'application', class: 'c', accessLevel: 'public', storedAt: null, file: null, page: null, language: 'fr', snippet: [] };
const resultOf = (hits: number): SearchResult => ({ total: hits, exact: true, hits: Array.from({ length: hits }, () => hit), facets: { agency: [], recordType: [], year: [], class: [] } });

describe('an archive search in the address bar', () => {
  it('reads what it holds and drops what the server would refuse (an unknown language, a malformed day, page 0 or past the last)', () => {
    const search = searchFrom(new URLSearchParams('q=%20importation%20&lang=de&agency=COMMERCE&from=2026-1-1&to=2026-12-31&page=51'));
    expect(search).toEqual({ ...emptySearch, q: 'importation', agency: 'COMMERCE', to: '2026-12-31' });
    expect(searchFrom(new URLSearchParams('q=x&lang=ar&page=3'))).toMatchObject({ lang: 'ar', page: 3 });
    expect(searchFrom(new URLSearchParams('q=x&page=0')).page).toBe(1);
  });

  it('asks the API nothing without words, and only for the parameters that are set', () => {
    expect(searchApiPath('/api/public/archive/search', emptySearch)).toBeNull();
    const search = { ...emptySearch, q: 'licence d’importation', lang: 'fr' as const, recordType: 'application', page: 2 };
    expect(searchApiPath('/api/archive/search', search)).toBe('/api/archive/search?q=licence+d%E2%80%99importation&recordType=application&lang=fr&page=2');
    expect(searchFrom(paramsOf(search))).toEqual(search);
  });

  it('narrows by a facet value and widens again when it is chosen twice, back on the first page', () => {
    const search = { ...emptySearch, q: 'registre', page: 4 };
    const narrowed = withFacet(search, 'agency', 'CUSTOMS');
    expect(narrowed).toMatchObject({ agency: 'CUSTOMS', page: 1 });
    expect(facetChosen(narrowed, 'agency', 'CUSTOMS')).toBe(true);
    expect(withFacet(narrowed, 'agency', 'CUSTOMS').agency).toBe('');
    // A year is the range of its days.
    const year = withFacet(search, 'year', '2025');
    expect(year).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(facetChosen(year, 'year', '2025')).toBe(true);
    expect(facetChosen(year, 'year', '2026')).toBe(false);
    expect(withFacet(year, 'year', '2025')).toMatchObject({ from: '', to: '' });
  });

  it('offers a next page after a full one, up to the last page the server serves', () => {
    expect(hasNextPage(resultOf(HITS_PER_PAGE), 1)).toBe(true);
    expect(hasNextPage(resultOf(HITS_PER_PAGE - 1), 1)).toBe(false);
    expect(hasNextPage(resultOf(HITS_PER_PAGE), 50)).toBe(false);
  });
});
