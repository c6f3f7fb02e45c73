import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, lockSecondsAfter, MAX_LOCK_SECONDS } from './lockout.ts';

describe('progressive lockout', () => {
  it('forgives the first few typos', () => {
    for (let n = 0; n <= FREE_FAILURES; n++) expect(lockSecondsAfter(n)).toBe(0);
  });

  it('locks for 30 s, then doubles with each further failure', () => {
    expect([5, 6, 7, 8].map(lockSecondsAfter)).toEqual([30, 60, 120, 240]);
  });

  it('never decreases and never exceeds one hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        expect(lockSecondsAfter(n + 1)).toBeGreaterThanOrEqual(lockSecondsAfter(n));
        expect(lockSecondsAfter(n)).toBeLessThanOrEqual(MAX_LOCK_SECONDS);
      }),
    );
  });
});
