import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { daysOf, periodOf } from './period.ts';

const refusal = (query: { from?: string; to?: string }) => {
  try {
    periodOf(query, '2026-03-31');
  } catch (error) {
    return error instanceof AppError ? { status: error.status, code: error.code } : error;
  }
  return undefined;
};

describe('the period a figure covers', () => {
  it('is the last 30 days up to today when no day is given, both ends included', () => {
    expect(periodOf({}, '2026-03-31')).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(daysOf(periodOf({}, '2026-03-31'))).toHaveLength(30);
    expect(periodOf({ to: '2026-01-10' }, '2026-03-31')).toEqual({ from: '2025-12-12', to: '2026-01-10' });
  });

  it('goes up to a leap year of 366 days, not one more', () => {
    expect(periodOf({ from: '2024-01-01', to: '2024-12-31' }, '2026-03-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(refusal({ from: '2024-01-01', to: '2025-01-01' })).toEqual({ status: 400, code: 'oversight_period_too_long' });
  });

  it('refuses a day not on the calendar and a period turned around', () => {
    expect(refusal({ from: '2026-02-30' })).toEqual({ status: 400, code: 'oversight_day_invalid' });
    expect(refusal({ to: '2026-13-01' })).toEqual({ status: 400, code: 'oversight_day_invalid' });
    expect(refusal({ from: '2026-03-02', to: '2026-03-01' })).toEqual({ status: 400, code: 'oversight_period_reversed' });
  });
});
