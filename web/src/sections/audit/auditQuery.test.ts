import { describe, expect, it } from 'vitest';
import { auditEntriesPath, filterProblems, filtersFromSearch, noFilters, searchFromFilters, shortId, startOfLocalDay } from './auditQuery';

function queryOf(path: string): URLSearchParams {
  return new URL(path, 'http://guichet.test').searchParams;
}

describe('the audit search', () => {
  it('keeps only the filters the auditor filled in, in the address bar and in the API call', () => {
    const filters = { ...noFilters, action: ' user.created ', recordType: 'user' };
    expect(searchFromFilters(filters).toString()).toBe('action=user.created&recordType=user');
    expect(filtersFromSearch(new URLSearchParams('action=user.created&unknown=x'))).toEqual({ ...noFilters, action: 'user.created' });
    const query = queryOf(auditEntriesPath(filtersFromSearch(searchFromFilters(filters))));
    expect(Object.fromEntries(query)).toEqual({ action: 'user.created', recordType: 'user', limit: '50' });
  });

  it('asks for older entries below the last sequence number seen', () => {
    expect(queryOf(auditEntriesPath(noFilters, 120)).get('before')).toBe('120');
  });

  it('turns the auditor’s days into instants, the last day included', () => {
    const query = queryOf(auditEntriesPath({ ...noFilters, from: '2026-03-03', to: '2026-03-03' }));
    const from = new Date(query.get('from') ?? '');
    const to = new Date(query.get('to') ?? '');
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([2026, 2, 3, 0]);
    expect([to.getFullYear(), to.getMonth(), to.getDate(), to.getHours()]).toEqual([2026, 2, 4, 0]);
    // Across the end of a month too.
    expect(new Date(startOfLocalDay('2026-01-31', 1) ?? '').getMonth()).toBe(1);
  });

  it('refuses a period that ends before it starts, or a date that is not one', () => {
    expect(filterProblems({ ...noFilters, from: '2026-03-05', to: '2026-03-04' })).toEqual({ to: 'toBeforeFrom' });
    expect(filterProblems({ ...noFilters, from: '05/03/2026' })).toEqual({ from: 'invalidDate' });
    expect(filterProblems({ ...noFilters, from: '2026-03-04', to: '2026-03-04' })).toEqual({});
  });

  it('shortens a UUID to its first block, and leaves a short identifier whole', () => {
    expect(shortId('a39b6e93-2259-47a0-a0d0-4c1d79e2c799')).toBe('a39b6e93…');
    expect(shortId('req-42')).toBe('req-42');
  });
});
