import { describe, expect, it } from 'vitest';
import { amendable, assertMove, canMove, statesAfterChecks } from './lifecycle.ts';

describe('declaration lifecycle', () => {
  it('walks draft to released, inspecting only when the channel asks for it', () => {
    expect(canMove('draft', 'lodged')).toBe(true);
    expect(statesAfterChecks('green')).toEqual(['checked', 'channel_assigned', 'assessed']);
    expect(statesAfterChecks('blue')).toEqual(['checked', 'channel_assigned', 'assessed']);
    expect(statesAfterChecks('red')).toEqual(['checked', 'channel_assigned']);
    expect(canMove('channel_assigned', 'inspected')).toBe(true);
    expect(canMove('assessed', 'paid') && canMove('paid', 'released')).toBe(true);
  });

  it('refuses to skip payment, to release twice or to reject once paid', () => {
    expect(canMove('assessed', 'released')).toBe(false);
    expect(canMove('released', 'released')).toBe(false);
    expect(canMove('paid', 'rejected')).toBe(false);
    expect(() => assertMove('KDDKR01-2026-000001', 'paid', 'rejected')).toThrow(expect.objectContaining({ status: 409, code: 'declaration_wrong_state' }));
  });

  it('allows amendments between lodgement and payment only', () => {
    expect(['draft', 'lodged', 'assessed', 'paid', 'released', 'rejected'].map((s) => amendable(s as never))).toEqual([false, true, true, false, false, false]);
  });
});
