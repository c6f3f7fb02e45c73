import { describe, expect, it } from 'vitest';
import { disposalDueOn, isDue, schemeProblems } from './schedule.ts';
import { loadClassificationScheme } from './scheme-file.ts';

describe('disposal schedule', () => {
  it('adds the class period in calendar years to the trigger date', () => {
    expect(disposalDueOn(new Date('2016-03-14T22:30:00Z'), { periodYears: 10 })).toBe('2026-03-14');
    expect(disposalDueOn(new Date('2021-12-31T00:00:00Z'), { periodYears: 5 })).toBe('2026-12-31');
  });

  it('ends a period started on 29 February on 28 February of a common year', () => {
    expect(disposalDueOn(new Date('2016-02-29T10:00:00Z'), { periodYears: 10 })).toBe('2026-02-28');
    expect(disposalDueOn(new Date('2016-02-29T10:00:00Z'), { periodYears: 8 })).toBe('2024-02-29');
  });

  it('never falls due for a permanent class', () => {
    expect(disposalDueOn(new Date('1990-01-01T00:00:00Z'), { periodYears: null })).toBeNull();
    expect(isDue(null, new Date())).toBe(false);
  });

  it('is due from the due day on, not the day before', () => {
    expect(isDue('2026-03-14', new Date('2026-03-13T23:59:59Z'))).toBe(false);
    expect(isDue('2026-03-14', new Date('2026-03-14T00:00:00Z'))).toBe(true);
  });
});

describe('classification scheme', () => {
  it('ships a valid scheme covering the procedures and customs declarations', () => {
    const scheme = loadClassificationScheme();
    expect(schemeProblems(scheme)).toEqual([]);
    expect(scheme.classes.map((c) => c.code)).toEqual(expect.arrayContaining(['customs-declarations-10y', 'customs-certificates-10y', 'commerce-licences-10y', 'vocational-certificates-permanent']));
  });

  it('refuses a permanent class with a period and a destroy class without one', () => {
    const title = { fr: 'x', ar: 'x', en: 'x' };
    expect(schemeProblems({ version: 1, classes: [
      { code: 'a-1', title, trigger: 'closed', periodYears: 3, action: 'keep' },
      { code: 'b-1', title, trigger: 'closed', periodYears: null, action: 'destroy' },
      { code: 'b-1', title, trigger: 'closed', periodYears: 2, action: 'destroy' },
    ] })).toEqual(['a-1: a permanent class has no period', 'b-1: the period must be a whole number of years', 'b-1: listed twice']);
  });
});
