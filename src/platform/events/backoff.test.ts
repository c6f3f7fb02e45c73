import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs, type BackoffPolicy } from './backoff.ts';

const policy = (jitter: 'full' | 'equal'): BackoffPolicy => ({ baseMs: 1000, capMs: 60_000, jitter });

describe('retry delay', () => {
  it('doubles the ceiling with each attempt until the cap', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelayMs(a, policy('full'), top))).toEqual([
      999, 1999, 3999, 7999, 15_999, 31_999, 59_999, 59_999,
    ]);
  });

  it('waits at least half the ceiling with equal jitter, and may retry at once with full jitter', () => {
    expect(retryDelayMs(3, policy('equal'), () => 0)).toBe(2000);
    expect(retryDelayMs(3, policy('full'), () => 0)).toBe(0);
  });

  it('uses equal jitter when none is named', () => {
    expect(retryDelayMs(1, { baseMs: 100, capMs: 1000 }, () => 0)).toBe(50);
  });

  it('refuses an attempt number below 1', () => {
    expect(() => retryDelayMs(0, policy('full'))).toThrow(RangeError);
    expect(() => retryDelayMs(1.5, policy('full'))).toThrow(RangeError);
  });

  it('stays within [0, cap] for any attempt, policy and random draw, never NaN', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.nat({ max: 1e9 }),
        fc.nat({ max: 1e9 }),
        fc.constantFrom('full' as const, 'equal' as const),
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        (attempt, baseMs, capMs, jitter, draw) => {
          const delay = retryDelayMs(attempt, { baseMs, capMs, jitter }, () => draw);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(capMs);
        },
      ),
    );
  });

  it('never shrinks from one attempt to the next for the same draw, and keeps half the ceiling with equal jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e8 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseMs, capMs, draw) => {
          const p: BackoffPolicy = { baseMs, capMs, jitter: 'equal' };
          const now = retryDelayMs(attempt, p, () => draw);
          expect(retryDelayMs(attempt + 1, p, () => draw)).toBeGreaterThanOrEqual(now);
          const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt - 1, 64));
          expect(now).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        },
      ),
    );
  });
});
