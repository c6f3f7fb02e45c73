import type { ItemCriterion } from './item-criteria.ts';
import { percentText } from './percent.ts';
import type { RiskCriterion } from './profile-schema.ts';
import type { ExplanationPart, SelectivityInput } from './types.ts';

/** Criteria on the declaration as a whole: its regime, the parties' records, chance. */
export type DeclarationCriterion = Exclude<RiskCriterion, ItemCriterion>;

/**
 * The sentence explaining the hit, or undefined on a miss. `draw` is the number drawn for this
 * criterion when it is a random one (drawn whether or not the profile's other criteria hit).
 */
export function declarationCriterionHit(criterion: DeclarationCriterion, input: SelectivityInput, draw: number, profile: string): ExplanationPart | undefined {
  const hit = (params: Record<string, string | number>) => ({ key: `customs.risk.hit.${criterion.kind}`, params: { ...params, profile } });
  switch (criterion.kind) {
    case 'regime_in':
      return criterion.regimes.includes(input.declaration.regime) ? hit({ regime: input.declaration.regime }) : undefined;
    case 'importer_score':
      return input.importerRisk.score >= criterion.atLeast ? hit({ score: input.importerRisk.score, atLeast: criterion.atLeast }) : undefined;
    case 'declarant_score':
      return input.declarantRisk.score >= criterion.atLeast ? hit({ score: input.declarantRisk.score, atLeast: criterion.atLeast }) : undefined;
    case 'random':
      return draw < criterion.rate ? hit({ percent: percentText(criterion.rate, 'random.rate'), draw }) : undefined;
  }
}
