import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, deadlineStatus, isWorkingDay, workingDaysBetween, type WorkingCalendar } from './working-days.ts';

const kandara: WorkingCalendar = { weekend: [0, 6], holidays: new Set(['2026-12-25', '2027-01-01', '2027-03-10']) };

/** Reference: list every working day of a span once, then count positions in that list. */
function referenceDue(start: string, n: number, calendar: WorkingCalendar): string {
  const days: string[] = [];
  for (let ms = Date.parse(`${start}T00:00:00Z`) + 86_400_000; days.length < n; ms += 86_400_000) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const weekday = new Date(ms).getUTCDay();
    if (!calendar.weekend.includes(weekday) && !calendar.holidays.has(day)) days.push(day);
  }
  return days.at(-1) ?? start;
}

const day = fc.date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const calendar = fc.record({
  weekend: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
  holidays: fc.uniqueArray(day, { maxLength: 30 }).map((list) => new Set(list)),
});

describe('deadlines in working days', () => {
  it('skips weekends and public holidays (Christmas and New Year in Kandara)', () => {
    expect(addWorkingDays('2026-12-24', 2, kandara)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-31', 1, kandara)).toBe('2027-01-04');
    expect(addWorkingDays('2027-03-09', 1, kandara)).toBe('2027-03-11');
    expect(workingDaysBetween('2026-12-24', '2027-01-04', kandara)).toBe(5);
  });

  it('knows a Friday–Saturday weekend as well', () => {
    const algiers: WorkingCalendar = { weekend: [5, 6], holidays: new Set() };
    expect(addWorkingDays('2026-11-26', 1, algiers)).toBe('2026-11-29');
  });

  it('matches the reference calculation on any calendar, start and length', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), calendar, (start, n, cal) => {
        expect(addWorkingDays(start, n, cal)).toBe(referenceDue(start, n, cal));
      }),
    );
  });

  it('lands on a working day exactly n working days later', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), calendar, (start, n, cal) => {
        const due = addWorkingDays(start, n, cal);
        expect(isWorkingDay(due, cal)).toBe(true);
        expect(workingDaysBetween(start, due, cal)).toBe(n);
        expect(workingDaysBetween(due, start, cal)).toBe(-n);
      }),
    );
  });

  it('colours a file on time, due soon, then overdue', () => {
    const due = addWorkingDays('2026-11-23', 5, kandara);
    expect(due).toBe('2026-11-30');
    expect(deadlineStatus('2026-11-24', due, kandara)).toBe('on_time');
    expect(deadlineStatus('2026-11-27', due, kandara)).toBe('due_soon');
    expect(deadlineStatus('2026-11-30', due, kandara)).toBe('due_soon');
    expect(deadlineStatus('2026-12-01', due, kandara)).toBe('overdue');
  });
});
