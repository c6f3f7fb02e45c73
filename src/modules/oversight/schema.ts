import type { ColumnType, Generated } from 'kysely';

type Day = ColumnType<string, string, string>;
type Amount = ColumnType<number, number | undefined, number>;

export type FactSystem = 'guichet' | 'legacy';

/** One declaration as the dashboards count it (migration.ts says why each column is there). */
export interface OversightDeclarationFactsTable {
  system: FactSystem;
  /** The declaration's id in Guichet, the record's id in the legacy system. */
  source_id: string;
  reference: string;
  office_code: string;
  regime: string;
  channel: 'green' | 'yellow' | 'red' | 'blue' | null;
  state: string;
  lodged_on: Day;
  lodged_at: Date;
  paid_on: Day | null;
  released_at: Date | null;
  /** From lodgement to release (WCO Time Release Study's overall clearance time). */
  clearance_seconds: number | null;
  duty: Amount;
  statistical_fee: Amount;
  community_levy: Amount;
  excise: Amount;
  vehicle_surcharge: Amount;
  vat: Amount;
  /** `profileId:criterion` of each risk criterion that hit, once each. */
  risk_hits: ColumnType<string[], string[] | undefined, string[]>;
  inspection_outcome: 'conform' | 'discrepancy' | 'seizure' | null;
  /** How far the source had moved when the row was written: an older read never overwrites a newer one. */
  progress: ColumnType<number, number | undefined, number>;
  updated_at: Generated<Date>;
}

export interface OversightTables {
  oversight_declaration_facts: OversightDeclarationFactsTable;
}
