import { describe, expect, it } from 'vitest';
import { formatDecimal, multiply, percentOf, readDecimal, roundHalfUp } from './decimal.ts';

const read = (input: string | number) => readDecimal(input, 'x');

describe('exact decimals for money', () => {
  it('reads numbers by their shortest decimal form, so a tenth stays a tenth', () => {
    expect(read(0.1)).toEqual({ units: 1n, scale: 1 });
    expect(formatDecimal(multiply(read(0.1), read(3)))).toBe('0.3');
    expect(read(1e21)).toEqual({ units: 10n ** 21n, scale: 0 });
    expect(formatDecimal(read('1.5e-7'))).toBe('0.00000015');
    expect(formatDecimal(read(' 655.9570 '))).toBe('655.957');
  });

  it('rounds half up to the whole unit', () => {
    expect(roundHalfUp(read('6326437.5'))).toBe(6_326_438n);
    expect(roundHalfUp(read('27550.195'))).toBe(27_550n);
    expect(roundHalfUp(read('0.4999'))).toBe(0n);
    expect(roundHalfUp(percentOf(read('100'), read('0.5')))).toBe(1n);
  });

  it.each(['-1', '', '1,5', 'abc', '1e31', Number.NaN, Number.NEGATIVE_INFINITY, -0.01])('refuses %s', (input) => {
    expect(() => read(input)).toThrow('assessment_invalid_amount');
  });
});
