import { fieldError } from '../../../platform/http/errors.ts';
import type { DecimalInput } from './types.ts';

/**
 * An exact non-negative decimal, `units / 10^scale`. Money is computed on these with BigInt so no
 * binary floating-point error ever reaches a rounded amount (0.1 + 0.2 stays 0.3).
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** Refusal of a value the assessment cannot use, naming the field (`items[2].customsValue`). */
export const invalidAmount = (path: string, value: unknown) => fieldError(422, 'assessment_invalid_amount', path, { path, value: String(value) });

/** Reads a decimal as written; numbers by their shortest round-trip form, so `0.1` is one tenth. */
export function readDecimal(input: DecimalInput, path: string): Decimal {
  if (typeof input === 'number' && !Number.isFinite(input)) throw invalidAmount(path, input);
  const match = DECIMAL.exec(typeof input === 'number' ? String(input) : input.trim());
  if (!match) throw invalidAmount(path, input);
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const shift = Number(exponent);
  // An exponent this large is no customs figure; refusing it also bounds the BigInt work.
  if (Math.abs(shift) > 30) throw invalidAmount(path, input);
  const scale = fraction.length - shift;
  const units = BigInt(whole + fraction);
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** `percent` per cent of `d`, exactly. */
export function percentOf(d: Decimal, percent: Decimal): Decimal {
  return { units: d.units * percent.units, scale: d.scale + percent.scale + 2 };
}

export function fromWhole(whole: bigint): Decimal {
  return { units: whole, scale: 0 };
}

/** Rounds half up to a whole unit: x.5 goes up. Values are never negative here, so half up is also half away from zero. */
export function roundHalfUp(d: Decimal): bigint {
  const divisor = 10n ** BigInt(d.scale);
  return (2n * d.units + divisor) / (2n * divisor);
}

/** The canonical decimal text of `d` (no trailing zeros), for explanations. */
export function formatDecimal(d: Decimal): string {
  const digits = d.units.toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * 10n ** BigInt(scale - a.scale);
  const right = b.units * 10n ** BigInt(scale - b.scale);
  return left === right ? 0 : left < right ? -1 : 1;
}
