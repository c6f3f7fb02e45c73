import type { ExplanationPart } from '../assessment/types.ts';
import type { DeclarationInput } from '../declarations/types.ts';
import type { Channel, CriterionKind } from './profile-schema.ts';

export type { Channel, CriterionKind, RiskCriterion, RiskProfile } from './profile-schema.ts';
export type { ExplanationPart } from '../assessment/types.ts';

/** A trader's or broker's history with customs, and the risk score it has led to (0 clean … 100). */
export interface RiskRecord {
  declarations: number;
  inspections: number;
  discrepancies: number;
  seizures: number;
  score: number;
}

/** A declaration the same importer lodged lately: one row per item (split consignments, docs/customs/risk.md). */
export interface RecentDeclaration {
  reference: string;
  /** YYYY-MM-DD (a longer ISO 8601 timestamp is read by its date). */
  date: string;
  hsCode: string;
  /** The item's customs value in national currency. */
  value: number;
}

/** Everything the selectivity looks at; the declarations service loads it. */
export interface SelectivityInput {
  declaration: DeclarationInput;
  /** Customs value of each item in national currency, in the order of `declaration.items` (from the assessment). */
  itemValues: readonly number[];
  /** The importer's record; on an export, the exporter's. */
  importerRisk: RiskRecord;
  declarantRisk: RiskRecord;
  /** Reference price in national currency per kg of net mass, by HS prefix (digits only); the longest matching prefix applies. */
  referencePrices: Readonly<Record<string, number>>;
  /** The importer's other declarations in the weeks before, this one excluded. */
  recentDeclarations: readonly RecentDeclaration[];
  /** Date of the declaration, YYYY-MM-DD: profiles in force on that day apply. */
  date: string;
}

export interface SelectivitySettings {
  /** A score at or above `red` goes red, at or above `yellow` yellow, below it green. */
  thresholds: { yellow: number; red: number };
  /** Share (0–1) of green declarations drawn for release then post-clearance audit (blue). */
  blueShareOfGreen: number;
}

/** Returns a number in [0, 1). Production passes `cryptoRandom`; tests pass a fixed sequence. */
export type RandomSource = () => number;

export interface RiskHit {
  profileId: string;
  criterion: CriterionKind;
  /** Index in `declaration.items` of the item the criterion hit on; absent for criteria on the whole declaration. */
  item?: number;
  explanation: ExplanationPart;
}

export interface ChannelDecision {
  channel: Channel;
  /** Sum of the scores of the profiles that hit. */
  score: number;
  hits: RiskHit[];
  /** A random criterion hit, or the declaration was drawn for blue. */
  randomlySelected: boolean;
  /** The decision in order: each profile that hit, the score against the thresholds, forced channels, blue draw, the channel. */
  explanation: ExplanationPart[];
}
