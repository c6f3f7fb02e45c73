import { declarationCriterionHit } from './declaration-criteria.ts';
import { isItemCriterion, itemCriterionHit } from './item-criteria.ts';
import type { ItemUnderReview } from './item-under-review.ts';
import type { RiskProfile } from './profile-schema.ts';
import type { RandomSource, RiskHit, SelectivityInput } from './types.ts';

/** Profiles apply while active and from `validFrom` to `validTo` inclusive (YYYY-MM-DD compares as text). */
export function inForce(profile: RiskProfile, date: string): boolean {
  const day = date.slice(0, 10);
  return profile.active && profile.validFrom <= day && (profile.validTo === undefined || day <= profile.validTo);
}

/**
 * The hits of a profile, or undefined when it does not hit. Every criterion must hit; the item
 * criteria on one and the same item, and every item on which they all hit is reported. Each random
 * criterion draws one number first, whatever the others give, so the n-th draw always belongs to
 * the same criterion and a decision can be replayed from its draws.
 */
export function profileHits(profile: RiskProfile, items: readonly ItemUnderReview[], input: SelectivityInput, random: RandomSource): RiskHit[] | undefined {
  const draws = profile.criteria.map((criterion) => (criterion.kind === 'random' ? random() : Number.NaN));
  const hits: RiskHit[] = [];
  for (const [index, criterion] of profile.criteria.entries()) {
    if (isItemCriterion(criterion)) continue;
    const explanation = declarationCriterionHit(criterion, input, draws[index] ?? Number.NaN, profile.id);
    if (!explanation) return undefined;
    hits.push({ profileId: profile.id, criterion: criterion.kind, explanation });
  }
  const itemCriteria = profile.criteria.filter(isItemCriterion);
  if (itemCriteria.length === 0) return hits;
  const itemHits = items.flatMap((under) => {
    const found = itemCriteria.map((criterion): RiskHit | undefined => {
      const explanation = itemCriterionHit(criterion, under, input, profile.id);
      return explanation && { profileId: profile.id, criterion: criterion.kind, item: under.index, explanation };
    });
    return found.every((hit): hit is RiskHit => hit !== undefined) ? found : [];
  });
  return itemHits.length === 0 ? undefined : [...hits, ...itemHits];
}
