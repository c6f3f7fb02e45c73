import { readFileSync } from 'node:fs';
import type { WorkingCalendar } from './working-days.ts';

interface CalendarFile {
  weekend: number[];
  holidays: Record<string, string>;
}

/**
 * The country's working calendar (reference-data/working-calendar.json): weekend days and public
 * holidays. Deadlines are days in the country's time; Kandara keeps UTC, so today is the UTC date.
 */
export function loadWorkingCalendar(file = new URL('../../../reference-data/working-calendar.json', import.meta.url)): WorkingCalendar {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as CalendarFile;
  return { weekend: parsed.weekend, holidays: new Set(Object.keys(parsed.holidays)) };
}

export const today = (now = new Date()) => now.toISOString().slice(0, 10);
