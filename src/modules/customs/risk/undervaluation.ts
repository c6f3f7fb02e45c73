import { type Decimal, compare, formatDecimal, multiply, readDecimal } from '../assessment/decimal.ts';
import type { ItemUnderReview } from './item-under-review.ts';
import { percentText } from './percent.ts';

/** `value / mass` to the hundredth, half up, for the explanation only (the test itself is exact). */
function perKg(value: Decimal, mass: Decimal): string {
  const numerator = value.units * 10n ** BigInt(mass.scale) * 100n;
  const denominator = mass.units * 10n ** BigInt(value.scale);
  return formatDecimal({ units: (2n * numerator + denominator) / (2n * denominator), scale: 2 });
}

/** The reference price of the longest HS prefix of `digits` that has one. */
function referenceFor(digits: string, prices: Readonly<Record<string, number>>): { prefix: string; price: number } | undefined {
  for (let length = digits.length; length >= 2; length -= 1) {
    const prefix = digits.slice(0, length);
    const price = prices[prefix];
    if (price !== undefined) return { prefix, price };
  }
  return undefined;
}

/**
 * Undervaluation (a fraud indicator): the customs value per kg of net mass is below `ratio` times
 * the reference price of the tariff line. Compared exactly, `value < ratio × price × mass`, so a
 * value on the floor itself is not suspect. No reference price, or no mass, and nothing is judged.
 */
export function undervaluation(ratio: number, under: ItemUnderReview, prices: Readonly<Record<string, number>>): Record<string, string | number> | undefined {
  const reference = referenceFor(under.digits, prices);
  if (!reference) return undefined;
  const mass = readDecimal(under.item.netMassKg, `declaration.items[${under.index}].netMassKg`);
  if (mass.units === 0n) return undefined;
  const value = readDecimal(under.value, `itemValues[${under.index}]`);
  const share = readDecimal(ratio, 'undervaluation.ratio');
  const price = readDecimal(reference.price, `referencePrices.${reference.prefix}`);
  const floor = multiply(share, price);
  if (compare(value, multiply(floor, mass)) >= 0) return undefined;
  return {
    valuePerKg: perKg(value, mass),
    prefix: reference.prefix,
    referencePrice: formatDecimal(price),
    percent: percentText(ratio, 'undervaluation.ratio'),
    floor: formatDecimal(floor),
  };
}
