import { formatDecimal, readDecimal } from '../assessment/decimal.ts';

/** A share written as a percentage, exactly: 0.07 → "7" (not 7.000000000000001). */
export function percentText(share: number, path: string): string {
  const exact = readDecimal(share, path);
  return formatDecimal({ units: exact.units * 100n, scale: exact.scale });
}
