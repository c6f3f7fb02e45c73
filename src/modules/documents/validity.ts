/** YYYY-MM-DD of an instant, in UTC. */
export const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * The last day of validity of a document valid `months` months from `from`: the day before the
 * same date `months` later, the date clamped to the end of a shorter month (a document valid one
 * month from 31 January runs to 27 February, the day before 28 February). Null: no end date.
 */
export function validUntil(from: string, months: number | null): string | null {
  if (months === null) return null;
  const [year = 0, month = 1, day = 1] = from.split('-').map(Number);
  const target = month - 1 + months;
  const lastDayOfTarget = new Date(Date.UTC(year, target + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(year, target, Math.min(day, lastDayOfTarget)));
  end.setUTCDate(end.getUTCDate() - 1);
  return dayOf(end);
}
