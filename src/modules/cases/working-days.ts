/**
 * Deadlines in working days against a country's calendar. Days are ISO dates (YYYY-MM-DD) in the
 * country's own time: a deadline is a day, not an instant.
 */
export interface WorkingCalendar {
  /** Days of the week off, 0 = Sunday … 6 = Saturday (Saturday–Sunday here; Friday–Saturday in some countries). */
  weekend: readonly number[];
  /** Public holidays as YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  return !calendar.weekend.includes(new Date(fromDay(day)).getUTCDay()) && !calendar.holidays.has(day);
}

/** The `n`-th working day after `start` (the start day itself is not counted): the due day of a step. */
export function addWorkingDays(start: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number of days, 0 or more');
  if (calendar.weekend.length >= 7) throw new RangeError('a calendar needs at least one working day a week');
  let ms = fromDay(start);
  for (let counted = 0; counted < n; ) {
    ms += DAY_MS;
    if (isWorkingDay(toDay(ms), calendar)) counted += 1;
  }
  return toDay(ms);
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let ms = fromDay(a) + DAY_MS; ms <= fromDay(b); ms += DAY_MS) if (isWorkingDay(toDay(ms), calendar)) count += 1;
  return sign * count;
}

export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue';

/** Overdue after the due day; due soon on the due day and the working day before it. */
export function deadlineStatus(today: string, due: string, calendar: WorkingCalendar): DeadlineStatus {
  if (today > due) return 'overdue';
  return workingDaysBetween(today, due, calendar) <= 1 ? 'due_soon' : 'on_time';
}
