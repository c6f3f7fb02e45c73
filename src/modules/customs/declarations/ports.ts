import type { Transaction } from 'kysely';
import type { Database } from '../../../database.ts';
import type { Assessment, FeeRates, Tariff } from '../assessment/types.ts';
import type { ChannelDecision } from '../risk/types.ts';
import type { VehicleClearanceRules } from '../reference/vehicle-rules.ts';
import type { InspectionOutcome } from './schema.ts';
import type { DeclarationInput } from './types.ts';

/** What declarations need of the reference data (customs/reference) on the declaration's day. */
export interface DeclarationReference {
  tariffOn(date: string): Promise<{ version: { id: string; label: string }; tariff: Tariff; feeRates: FeeRates }>;
  exchangeRatesOn(date: string, currencies: readonly string[]): Promise<Record<string, string>>;
  knownCodes(): Promise<{ countries: ReadonlySet<string>; currencies: ReadonlySet<string>; offices: ReadonlySet<string> }>;
  /** Origins whose goods may claim the community preference. */
  communityMembers(): Promise<string[]>;
  /** How a passenger car is cleared for home use (regime vehicle_clearance). */
  vehicleClearanceRules(): Promise<VehicleClearanceRules>;
}

export type { ChannelDecision };

/** Selectivity (customs/risk) over the data the platform holds about the parties and the goods. */
export interface RiskSelection {
  select(declaration: DeclarationInput, assessment: Assessment, date: string): Promise<ChannelDecision>;
}

/** Inspection outcomes feed the importer's and the declarant's risk records, in the inspection's transaction. */
export interface RiskFeedback {
  afterInspection(trx: Transaction<Database>, taxIds: readonly string[], outcome: InspectionOutcome): Promise<void>;
}
