import type { LocalisedText } from '../../../platform/auth/schema.ts';

/**
 * What happens to a record when its retention period ends (ISO 15489-1 §9.9 disposition; the
 * disposal schedule's "action"): kept for good, reviewed by an archivist, transferred to a
 * historical archive, or destroyed.
 */
export type DisposalAction = 'keep' | 'review' | 'transfer' | 'destroy';
export const DISPOSAL_ACTIONS: readonly DisposalAction[] = ['keep', 'review', 'transfer', 'destroy'];

/** One class of the classification scheme with its single disposal schedule. */
export interface RetentionClass {
  code: string;
  title: LocalisedText;
  /** The event the period runs from: `closed` (a file's final decision), `released` (a declaration's release or rejection). */
  trigger: string;
  /** Null: no period (kept permanently). */
  periodYears: number | null;
  action: DisposalAction;
}

export interface ClassificationScheme {
  version: number;
  classes: RetentionClass[];
}

const CODE = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** The scheme's problems, empty when it can be loaded: unique codes, a period for every action but `keep`. */
export function schemeProblems(scheme: ClassificationScheme): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of scheme.classes) {
    if (!CODE.test(c.code)) problems.push(`${c.code}: the code is not a lowercase identifier`);
    if (seen.has(c.code)) problems.push(`${c.code}: listed twice`);
    seen.add(c.code);
    if (!DISPOSAL_ACTIONS.includes(c.action)) problems.push(`${c.code}: unknown action ${String(c.action)}`);
    if (c.action === 'keep' ? c.periodYears !== null : !(Number.isInteger(c.periodYears) && (c.periodYears ?? 0) > 0)) {
      problems.push(`${c.code}: ${c.action === 'keep' ? 'a permanent class has no period' : 'the period must be a whole number of years'}`);
    }
    if (!c.trigger) problems.push(`${c.code}: no trigger event`);
  }
  return problems;
}

/**
 * The day a record becomes due for disposition: its trigger date plus the class's period in
 * calendar years, on the same day of the year (29 February falls to 28 February in a common year,
 * so a period never ends later than its anniversary). Null for a permanent class.
 */
export function disposalDueOn(triggerAt: Date, retention: Pick<RetentionClass, 'periodYears'>): string | null {
  if (retention.periodYears === null) return null;
  const year = triggerAt.getUTCFullYear() + retention.periodYears;
  const month = triggerAt.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const due = new Date(Date.UTC(year, month, Math.min(triggerAt.getUTCDate(), lastDay)));
  return due.toISOString().slice(0, 10);
}

/** Whether a record whose disposition falls on `dueOn` is due on `now` (UTC day). */
export const isDue = (dueOn: string | null, now: Date): boolean => dueOn !== null && dueOn <= now.toISOString().slice(0, 10);
