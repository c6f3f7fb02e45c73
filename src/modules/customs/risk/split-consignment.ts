import { type ItemUnderReview, tariffDigits } from './item-under-review.ts';
import type { RiskCriterion } from './profile-schema.ts';
import type { SelectivityInput } from './types.ts';

type SplitConsignment = Extract<RiskCriterion, { kind: 'split_consignment' }>;

const DAY_MS = 86_400_000;
/** Whole days since the epoch of a YYYY-MM-DD date (or the date part of a timestamp). */
const dayOf = (date: string) => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/**
 * Split consignments (a fraud indicator): one shipment cut into several declarations each under a
 * value threshold (a simplified procedure, a control limit) while together above it. Judged per HS
 * heading (four digits): this declaration's items of the heading, plus each other declaration of
 * the importer with that heading within `withinDays` days, each below the threshold, summing above it.
 */
export function splitConsignment(criterion: SplitConsignment, under: ItemUnderReview, input: SelectivityInput): Record<string, string | number> | undefined {
  const heading = under.digits.slice(0, 4);
  const current = input.declaration.items.reduce((sum, item, index) => (tariffDigits(item.hsCode).startsWith(heading) ? sum + (input.itemValues[index] ?? 0) : sum), 0);
  if (current >= criterion.threshold) return undefined;

  const today = dayOf(input.date);
  const byReference = new Map<string, number>();
  for (const recent of input.recentDeclarations) {
    if (!tariffDigits(recent.hsCode).startsWith(heading) || !(Math.abs(dayOf(recent.date) - today) <= criterion.withinDays)) continue;
    byReference.set(recent.reference, (byReference.get(recent.reference) ?? 0) + recent.value);
  }
  const parts = [...byReference].filter(([, value]) => value < criterion.threshold);
  const total = parts.reduce((sum, [, value]) => sum + value, current);
  if (parts.length === 0 || total <= criterion.threshold) return undefined;
  return {
    heading,
    count: parts.length + 1,
    references: parts.map(([reference]) => reference).join(', '),
    total,
    threshold: criterion.threshold,
    days: criterion.withinDays,
  };
}
