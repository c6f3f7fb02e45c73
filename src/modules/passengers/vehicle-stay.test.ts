import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { assertMayEnter, assertMayExit, exitDueOn } from './vehicle-stay.ts';

const codeOf = (act: () => void) => {
  try {
    act();
    return null;
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : 'other';
  }
};

describe('a vehicle temporary-admission stay', () => {
  it('ends on the entry day plus the allowed days, across month and year ends', () => {
    expect(exitDueOn('2026-03-01', 30)).toBe('2026-03-31');
    expect(exitDueOn('2026-12-15', 90)).toBe('2027-03-15');
    expect(exitDueOn('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('enters once, from the planned day, and exits once after entering', () => {
    const pass = { number: 'CUSTOMS-2026-000001', state: 'issued' as const, plannedEntryOn: '2026-03-01', enteredOn: null, exitedOn: null };
    expect(codeOf(() => assertMayEnter(pass, '2026-02-28'))).toBe('422 vehicle_pass_entry_too_early');
    expect(codeOf(() => assertMayEnter(pass, '2026-03-01'))).toBeNull();
    expect(codeOf(() => assertMayEnter({ ...pass, state: 'entered', enteredOn: '2026-03-01' }, '2026-03-02'))).toBe('409 vehicle_pass_already_entered');
    expect(codeOf(() => assertMayExit(pass))).toBe('409 vehicle_pass_not_entered');
    expect(codeOf(() => assertMayExit({ ...pass, state: 'entered' }))).toBeNull();
    expect(codeOf(() => assertMayExit({ ...pass, state: 'exited', exitedOn: '2026-03-09' }))).toBe('409 vehicle_pass_closed');
  });
});
