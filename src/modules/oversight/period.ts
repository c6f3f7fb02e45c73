import { fieldError } from '../../platform/http/errors.ts';

/** The longest period a figure covers: a year of daily rows stays a few thousand. */
export const LONGEST_PERIOD_DAYS = 366;
/** Without dates, the last 30 days up to today. */
export const DEFAULT_PERIOD_DAYS = 30;

export interface Period {
  /** YYYY-MM-DD, both ends included. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Milliseconds of a real calendar day (2026-02-30 is not one), or undefined. */
function dayMs(day: string): number | undefined {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) || isoDay(ms) !== day ? undefined : ms;
}

/**
 * The period a figure is asked for: both ends included, a real day each, `from` not after `to`,
 * at most LONGEST_PERIOD_DAYS long. Each refusal is a 400 naming the field.
 */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, today: string): Period {
  const toMs = query.to === undefined ? dayMs(today) : dayMs(query.to);
  if (toMs === undefined) throw fieldError(400, 'oversight_day_invalid', 'querystring.to', { day: query.to ?? '' });
  const fromMs = query.from === undefined ? toMs - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS : dayMs(query.from);
  if (fromMs === undefined) throw fieldError(400, 'oversight_day_invalid', 'querystring.from', { day: query.from ?? '' });
  if (fromMs > toMs) throw fieldError(400, 'oversight_period_reversed', 'querystring.from', { from: isoDay(fromMs), to: isoDay(toMs) });
  const days = (toMs - fromMs) / DAY_MS + 1;
  if (days > LONGEST_PERIOD_DAYS) throw fieldError(400, 'oversight_period_too_long', 'querystring.from', { days, most: LONGEST_PERIOD_DAYS });
  return { from: isoDay(fromMs), to: isoDay(toMs) };
}

/** Every day of the period, in order (figures fill the days nothing happened on). */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let ms = dayMs(period.from) ?? 0, end = dayMs(period.to) ?? 0; ms <= end; ms += DAY_MS) days.push(isoDay(ms));
  return days;
}
