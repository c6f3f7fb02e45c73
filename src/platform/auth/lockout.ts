/**
 * Progressive lockout after failed sign-ins: the first few failures cost nothing (typos), then each
 * further failure doubles the wait, up to one hour. A success resets the count.
 */
export const FREE_FAILURES = 4;
export const FIRST_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 3600;

export function lockSecondsAfter(failedCount: number): number {
  if (failedCount <= FREE_FAILURES) return 0;
  const doublings = failedCount - FREE_FAILURES - 1;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(doublings, 20));
}
