import { describe, expect, it } from 'vitest';
import { amountForApi, nextCrossing, passStatus } from './passengers';

describe('a vehicle pass at the border', () => {
  it('shows overdue while the vehicle is in, and keeps it in the history once it has left', () => {
    expect(passStatus({ state: 'issued', overdue: false })).toBe('issued');
    expect(passStatus({ state: 'entered', overdue: true })).toBe('overdue');
    expect(passStatus({ state: 'exited', overdue: true })).toBe('exitedOverdue');
    expect(passStatus({ state: 'exited', overdue: false })).toBe('exited');
  });

  it('offers entry, then exit, then nothing', () => {
    expect(['issued', 'entered', 'exited'].map((state) => nextCrossing({ state: state as 'issued' }))).toEqual(['entry', 'exit', null]);
  });

  it('sends amounts typed with a decimal comma or spaces as the API reads them', () => {
    expect(amountForApi(' 7 500,50 ')).toBe('7500.50');
    expect(amountForApi('350.5')).toBe('350.5');
  });
});
