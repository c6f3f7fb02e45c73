import type { ItemUnderReview } from './item-under-review.ts';
import { undervaluation } from './undervaluation.ts';
import { splitConsignment } from './split-consignment.ts';
import type { OriginRoute, RiskCriterion } from './profile-schema.ts';
import type { ExplanationPart, SelectivityInput } from './types.ts';

const ITEM_KINDS = ['hs_prefix', 'origin_in', 'origin_not_in', 'undervaluation', 'split_consignment', 'origin_route'] as const;

/** Criteria that look at one item; a profile's item criteria must all hit on the same item. */
export type ItemCriterion = Extract<RiskCriterion, { kind: (typeof ITEM_KINDS)[number] }>;
export const isItemCriterion = (criterion: RiskCriterion): criterion is ItemCriterion => (ITEM_KINDS as readonly string[]).includes(criterion.kind);

/** The sentence explaining the hit, with the profile and item number (1-based, as the broker numbers them); undefined on a miss. */
export function itemCriterionHit(criterion: ItemCriterion, under: ItemUnderReview, input: SelectivityInput, profile: string): ExplanationPart | undefined {
  const params = matchItem(criterion, under, input);
  return params && { key: `customs.risk.hit.${params.reason ?? criterion.kind}`, params: { ...params.values, profile, item: under.index + 1 } };
}

type Match = { reason?: string; values: Record<string, string | number> } | undefined;

function matchItem(criterion: ItemCriterion, under: ItemUnderReview, input: SelectivityInput): Match {
  const { item } = under;
  switch (criterion.kind) {
    case 'hs_prefix': {
      const prefix = criterion.prefixes.find((p) => under.digits.startsWith(p));
      return prefix === undefined ? undefined : { values: { hsCode: item.hsCode, prefix } };
    }
    case 'origin_in':
      return criterion.countries.includes(item.origin) ? { values: { origin: item.origin } } : undefined;
    case 'origin_not_in':
      return criterion.countries.includes(item.origin) ? undefined : { values: { origin: item.origin, countries: criterion.countries.join(', ') } };
    case 'undervaluation': {
      const values = undervaluation(criterion.ratio, under, input.referencePrices);
      return values && { values };
    }
    case 'split_consignment': {
      const values = splitConsignment(criterion, under, input);
      return values && { values };
    }
    case 'origin_route':
      return implausibleRoute(criterion.routes, item.origin, input.declaration.transport);
  }
}

/**
 * The origin is judged only when a route lists it; it is plausible when one such route accepts both
 * the dispatch country and the mode of transport. The explanation says which of the two failed.
 */
function implausibleRoute(routes: readonly OriginRoute[], origin: string, transport: SelectivityInput['declaration']['transport']): Match {
  const covering = routes.filter((route) => route.origins.includes(origin));
  if (covering.length === 0) return undefined;
  const fromPlausibleCountry = covering.filter((route) => route.dispatchFrom.includes(transport.dispatchCountry));
  if (fromPlausibleCountry.some((route) => !route.modes || route.modes.includes(transport.mode))) return undefined;
  const values = { origin, dispatch: transport.dispatchCountry, mode: transport.mode };
  if (fromPlausibleCountry.length > 0) return { reason: 'origin_route_mode', values };
  return { reason: 'origin_route_dispatch', values: { ...values, expected: [...new Set(covering.flatMap((route) => route.dispatchFrom))].join(', ') } };
}
