/**
 * Exact sums of the amounts a legacy file carries, kept to four decimals (the columns' scale) with
 * BigInt so no binary floating-point error reaches a total.
 */
const SCALE = 10_000n;

/** Units of 1/10,000 of an amount written with at most four decimals (`12.5` → 125000n). */
export function toUnits(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole) * SCALE + BigInt(fraction.slice(0, 4).padEnd(4, '0'));
}

/** The canonical text of an amount in units (no trailing zeros). */
export function fromUnits(units: bigint): string {
  const fraction = (units % SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${units / SCALE}.${fraction}` : `${units / SCALE}`;
}
