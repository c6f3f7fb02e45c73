import { describe, expect, it } from 'vitest';
import { validUntil } from './validity.ts';

describe('validity of a document', () => {
  it('runs to the day before the same date months later', () => {
    expect(validUntil('2026-03-15', 6)).toBe('2026-09-14');
    expect(validUntil('2026-03-15', 12)).toBe('2027-03-14');
    expect(validUntil('2026-11-01', 3)).toBe('2027-01-31');
  });

  it('clamps to the end of a shorter month', () => {
    expect(validUntil('2026-01-31', 1)).toBe('2026-02-27');
    expect(validUntil('2028-01-31', 1)).toBe('2028-02-28');
  });

  it('has no end when the definition gives none', () => {
    expect(validUntil('2026-03-15', null)).toBeNull();
  });
});
