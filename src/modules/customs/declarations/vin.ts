import { fieldError } from '../../../platform/http/errors.ts';

/** ISO 3779: 17 characters from the Latin capitals and digits, without I, O and Q (read as 1 and 0). */
const VIN_LENGTH = 17;
const VIN_CHARACTER = /^[A-HJ-NPR-Z0-9]$/;

// 49 CFR 565.15: each letter's value and each position's weight for the check digit (position 9).
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Where the check digit is mandatory: vehicles made for North America (world manufacturer
 * identifiers starting 1–5, 49 CFR 565) and China (L, GB 16735). Elsewhere position 9 is the
 * manufacturer's own character, and ISO 3779 does not define a check.
 */
export const checkDigitApplies = (vin: string) => /^[1-5L]/.test(vin);

/** The check digit a VIN should carry in position 9: 0–9, or X for 10. */
export function checkDigitOf(vin: string): string {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i += 1) {
    const c = vin[i] ?? '';
    const value = /[0-9]/.test(c) ? Number(c) : (TRANSLITERATION[c] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/**
 * A vehicle identification number as written on the pass: upper-cased, spaces and hyphens some
 * people type between groups removed, then checked. A refusal names the field at `path` and says
 * what is wrong: the length, the first character not allowed (and its position), or the check digit.
 */
export function normaliseVin(input: string, path = 'vehicle.vin'): string {
  const vin = input.toUpperCase().replace(/[\s-]/g, '');
  if (vin.length !== VIN_LENGTH) throw fieldError(422, 'vin_length', path, { length: vin.length });
  const bad = [...vin].findIndex((c) => !VIN_CHARACTER.test(c));
  if (bad >= 0) throw fieldError(422, 'vin_character', path, { character: vin[bad], position: bad + 1 });
  if (checkDigitApplies(vin)) {
    const expected = checkDigitOf(vin);
    if (vin[8] !== expected) throw fieldError(422, 'vin_check_digit', path, { found: vin[8], expected });
  }
  return vin;
}
