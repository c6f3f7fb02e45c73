import { describe, expect, it } from 'vitest';
import { casesPath, defaultFilters, filtersFromSearch, pageRange, searchFromFilters } from './queueQuery';

function queryOf(path: string): Record<string, string> {
  return Object.fromEntries(new URL(path, 'http://guichet.test').searchParams);
}

describe('the case queue query', () => {
  it('keeps in the address bar only what the officer changed', () => {
    expect(searchFromFilters(defaultFilters).toString()).toBe('');
    const filters = { ...defaultFilters, view: 'all' as const, agency: 'COMMERCE', q: ' Kandara ', assigned: 'me' as const, escalated: true, offset: 20 };
    expect(searchFromFilters(filters).toString()).toBe('view=all&agency=COMMERCE&q=Kandara&assigned=me&escalated=true&offset=20');
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual({ ...filters, q: 'Kandara' });
  });

  it('falls back to the default for anything it does not know', () => {
    const filters = filtersFromSearch(new URLSearchParams('view=closed&deadline=late&assigned=someone&sort=applicant&order=up&offset=-3&escalated=yes'));
    expect(filters).toEqual(defaultFilters);
    expect(filtersFromSearch(new URLSearchParams('offset=2.5')).offset).toBe(0);
  });

  it('always asks the API for an explicit order and page', () => {
    expect(queryOf(casesPath(defaultFilters))).toEqual({ sort: 'dueOn', order: 'asc', limit: '20', offset: '0' });
    const query = queryOf(casesPath({ ...defaultFilters, deadline: 'overdue', sort: 'reference', order: 'desc', offset: 40 }));
    expect(query).toEqual({ deadline: 'overdue', sort: 'reference', order: 'desc', limit: '20', offset: '40' });
  });

  it('counts the rows a page shows from one', () => {
    expect(pageRange(20, 20, 45)).toEqual({ first: 21, last: 40, total: 45 });
    expect(pageRange(40, 5, 45)).toEqual({ first: 41, last: 45, total: 45 });
    expect(pageRange(0, 0, 0)).toBeNull();
  });
});
