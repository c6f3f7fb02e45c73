import { describe, expect, it } from 'vitest';
import { isIso6346 } from './containers.ts';
import { nationalLineOf } from './hs-code.ts';

describe('container numbers (ISO 6346)', () => {
  it('accepts numbers whose check digit is right and refuses a mistyped one', () => {
    // CSQU3054383 is the standard's own worked example.
    expect(['CSQU3054383', 'MSKU9070323'].map(isIso6346)).toEqual([true, true]);
    expect(isIso6346('CSQU3054384')).toBe(false);
    expect(isIso6346('CSQX3054383')).toBe(false);
    expect(isIso6346('csqu3054383')).toBe(false);
  });
});

describe('national tariff lines', () => {
  it('reads a line with dots, spaces or none', () => {
    expect(['1006.30.00.00', '1006300000', '1006 30 00 00'].map(nationalLineOf)).toEqual(['1006.30.00.00', '1006.30.00.00', '1006.30.00.00']);
    expect(nationalLineOf('1006.30')).toBe('1006.30');
  });
});
