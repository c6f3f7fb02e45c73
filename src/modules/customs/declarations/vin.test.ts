import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../../platform/http/errors.ts';
import { checkDigitOf, normaliseVin } from './vin.ts';

const refusal = (vin: string) => {
  try {
    normaliseVin(vin);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params, details: error.details };
    throw error;
  }
  return null;
};

describe('a vehicle identification number (ISO 3779)', () => {
  it('accepts a North American VIN whose check digit is X, written in lower case with spaces', () => {
    expect(normaliseVin('1m8gdm9a xkp042788')).toBe('1M8GDM9AXKP042788');
  });

  it('accepts a European VIN without computing a check digit it does not carry', () => {
    expect(normaliseVin('WVWZZZ1JZXW000001')).toBe('WVWZZZ1JZXW000001');
  });

  it('refuses a wrong length, the letters I, O and Q, and a wrong check digit, pointing at the field', () => {
    expect(refusal('1M8GDM9AXKP04278')).toMatchObject({ code: 'vin_length', params: { length: 16 } });
    expect(refusal('WVWZZZ1JZXW0O0001')).toMatchObject({ code: 'vin_character', params: { character: 'O', position: 13 } });
    expect(refusal('1M8GDM9A1KP042788')).toMatchObject({ code: 'vin_check_digit', params: { found: '1', expected: 'X' }, details: { fields: [{ path: 'vehicle.vin' }] } });
  });

  it('accepts every North American VIN once its check digit is put in place, and refuses any other digit there', () => {
    const allowed = [...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'];
    const body = fc.array(fc.constantFrom(...allowed), { minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(fc.constantFrom('1', '2', '3', '4', '5'), body, fc.constantFrom(...'0123456789X'), (first, rest, digit) => {
        const draft = first + rest.slice(0, 7).join('') + '0' + rest.slice(7, 15).join('');
        const vin = draft.slice(0, 8) + checkDigitOf(draft) + draft.slice(9);
        expect(normaliseVin(vin)).toBe(vin);
        const other = vin.slice(0, 8) + digit + vin.slice(9);
        if (digit !== vin[8]) expect(refusal(other)?.code).toBe('vin_check_digit');
      }),
    );
  });
});
