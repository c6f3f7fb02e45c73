/** How long to wait before retrying a failed delivery. */
export interface BackoffPolicy {
  /** Delay ceiling of the first retry; each later attempt doubles it. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
  /**
   * `full` spreads retries over [0, ceiling) and decorrelates best; `equal` keeps at least half the
   * ceiling, so a failing handler never retries at once. Default `equal`.
   */
  jitter?: 'full' | 'equal';
}

// Past 2^64 the ceiling is the cap for any sane base; stopping there keeps base * growth finite
// (0 * Infinity would be NaN).
const MAX_DOUBLINGS = 64;

/**
 * Capped exponential backoff with jitter ("Exponential Backoff And Jitter", AWS Architecture Blog,
 * Brooker 2015): the ceiling is min(cap, base * 2^(attempt-1)) and the delay a random point below it,
 * so many processes retrying after one outage do not hammer the database in lockstep.
 *
 * @param attempt the attempt that just failed, from 1
 * @param random a source in [0, 1); injected so tests are deterministic
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
  if (!(policy.baseMs >= 0) || !(policy.capMs >= 0)) throw new RangeError('baseMs and capMs must be >= 0');
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt - 1, MAX_DOUBLINGS));
  // Clamped so a sloppy source (1.0, or slightly negative) cannot step outside [0, ceiling].
  const r = Math.min(Math.max(random(), 0), 1);
  const delay = (policy.jitter ?? 'equal') === 'full' ? r * ceiling : ceiling / 2 + (r * ceiling) / 2;
  return Math.min(Math.floor(delay), Math.floor(ceiling));
}
