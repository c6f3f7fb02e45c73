import { describe, expect, it } from 'vitest';
import { standingOf } from './documents';

describe("a document's standing", () => {
  it('is revoked once revoked, whatever its dates', () => {
    expect(standingOf({ revokedAt: '2026-03-01T10:00:00Z', validUntil: '2027-01-01' }, '2026-03-02')).toBe('revoked');
  });

  it('is valid through its last day and expired the day after', () => {
    expect(standingOf({ revokedAt: null, validUntil: '2026-03-02' }, '2026-03-02')).toBe('valid');
    expect(standingOf({ revokedAt: null, validUntil: '2026-03-02' }, '2026-03-03')).toBe('expired');
  });

  it('never expires without a last day (a receipt)', () => {
    expect(standingOf({ revokedAt: null, validUntil: null }, '2099-12-31')).toBe('valid');
  });
});
