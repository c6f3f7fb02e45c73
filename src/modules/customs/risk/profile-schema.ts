import { Type, type Static } from 'typebox';
import { REGIMES, TRANSPORT_MODES } from '../declarations/types.ts';

/**
 * A risk profile as administrators store it (issue 6, item 6): data, not code. This TypeBox schema
 * is both the JSON Schema that `readRiskProfiles` validates with and the TypeScript type the
 * selectivity reads. Format, criteria and worked examples: docs/customs/risk.md.
 */
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code' });
const Countries = Type.Array(Country, { minItems: 1, uniqueItems: true });
const HsPrefix = Type.String({ pattern: '^[0-9]{2,10}$', description: 'leading digits of the tariff line, without dots: 30 (chapter), 1006 (heading), 240220' });
const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const RiskScore = (description: string) => Type.Number({ minimum: 0, maximum: 100, description });
const IsoDate = (description: string) => Type.String({ format: 'date', description: `YYYY-MM-DD, ${description}` });
const Text = Type.Object({ fr: Type.String({ minLength: 1 }), ar: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false });

const criterion = <Kind extends string, Fields extends Parameters<typeof Type.Object>[0]>(kind: Kind, fields: Fields, description: string) =>
  Type.Object({ kind: Type.Literal(kind), ...fields }, { additionalProperties: false, description });

export const HsPrefixCriterion = criterion('hs_prefix', { prefixes: Type.Array(HsPrefix, { minItems: 1, uniqueItems: true }) }, 'an item whose tariff line starts with one of the prefixes');
export const OriginInCriterion = criterion('origin_in', { countries: Countries }, 'an item originating in one of the countries');
export const OriginNotInCriterion = criterion('origin_not_in', { countries: Countries }, 'an item originating in none of the countries (outside an accepted list)');
export const RegimeInCriterion = criterion('regime_in', { regimes: Type.Array(Type.Enum(REGIMES), { minItems: 1, uniqueItems: true }) }, 'a declaration under one of the regimes');
export const ImporterScoreCriterion = criterion('importer_score', { atLeast: RiskScore("the importer's risk score at or above which the criterion hits") }, "the importer's risk score is at least atLeast");
export const DeclarantScoreCriterion = criterion('declarant_score', { atLeast: RiskScore("the declarant's risk score at or above which the criterion hits") }, "the declarant's risk score is at least atLeast");
export const UndervaluationCriterion = criterion(
  'undervaluation',
  { ratio: Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'share of the reference price per kg below which the declared value per kg is suspect' }) },
  'an item whose customs value per kg of net mass is below ratio × the reference price of its tariff line',
);
export const SplitConsignmentCriterion = criterion(
  'split_consignment',
  {
    withinDays: Type.Integer({ minimum: 1, maximum: 366, description: 'window, in days either side of the declaration date' }),
    threshold: Type.Number({ exclusiveMinimum: 0, description: 'value in national currency each part stays below while their sum exceeds it' }),
  },
  "an item whose heading was declared by the same importer several times within withinDays, each declaration below threshold, together above it",
);
export const Route = Type.Object(
  {
    origins: Countries,
    dispatchFrom: Type.Array(Country, { minItems: 1, uniqueItems: true, description: 'countries goods of these origins plausibly come from' }),
    modes: Type.Optional(Type.Array(Type.Enum(TRANSPORT_MODES), { minItems: 1, uniqueItems: true, description: 'plausible modes of transport at the border; any when absent' })),
  },
  { additionalProperties: false },
);
export const OriginRouteCriterion = criterion(
  'origin_route',
  { routes: Type.Array(Route, { minItems: 1 }) },
  'an item whose origin is listed in a route while no route of that origin accepts the dispatch country and transport mode',
);
export const RandomCriterion = criterion('random', { rate: Share('probability that the criterion hits, 0.05 for 5 %') }, 'hits at random, with probability rate');

const criterionBranches = Type.Union([
  HsPrefixCriterion,
  OriginInCriterion,
  OriginNotInCriterion,
  RegimeInCriterion,
  ImporterScoreCriterion,
  DeclarantScoreCriterion,
  UndervaluationCriterion,
  SplitConsignmentCriterion,
  OriginRouteCriterion,
  RandomCriterion,
]);

/** Every kind of criterion, in the order of the documentation. */
export const CRITERION_KINDS = criterionBranches.anyOf.map((branch) => branch.properties.kind.const);

/**
 * `oneOf` with Ajv's discriminator rather than TypeBox's `anyOf`: the criterion's `kind` picks the
 * one branch to check, so a mistake is reported at its own field instead of once per branch.
 */
export const RiskCriterionSchema = Type.Unsafe<Static<typeof criterionBranches>>({
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: criterionBranches.anyOf,
});

export const Channels = ['green', 'yellow', 'red', 'blue'] as const;
export type Channel = (typeof Channels)[number];

export const RiskProfileSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_-]{1,63}$', description: 'lower-case identifier, unique among the profiles' }),
    names: Text,
    active: Type.Boolean(),
    validFrom: IsoDate('first day in force'),
    validTo: Type.Optional(IsoDate('last day in force (inclusive); open-ended when absent')),
    criteria: Type.Array(RiskCriterionSchema, { minItems: 1, description: 'all must hit; item criteria on one and the same item' }),
    score: Type.Integer({ minimum: 0, maximum: 100, description: 'added to the declaration score when the profile hits' }),
    channel: Type.Optional(Type.Enum(['yellow', 'red', 'blue'], { description: 'channel the declaration goes to at least when the profile hits' })),
  },
  { additionalProperties: false },
);

export const RiskProfilesSchema = Type.Array(RiskProfileSchema);

export type RiskCriterion = Static<typeof criterionBranches>;
export type CriterionKind = RiskCriterion['kind'];
export type RiskProfile = Static<typeof RiskProfileSchema>;
export type OriginRoute = Static<typeof Route>;
