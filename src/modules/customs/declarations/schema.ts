import type { ColumnType, Generated } from 'kysely';
import type { Regime } from './types.ts';

export const DECLARATION_STATES = ['draft', 'lodged', 'checked', 'channel_assigned', 'inspected', 'assessed', 'paid', 'released', 'rejected'] as const;
export type DeclarationState = (typeof DECLARATION_STATES)[number];
export type Channel = 'green' | 'yellow' | 'red' | 'blue';
export type InspectionOutcome = 'conform' | 'discrepancy' | 'seizure';
export type NotificationKind = 'accepted' | 'tax_assessed' | 'cleared' | 'rejected';

type Json = ColumnType<unknown, unknown, unknown>;
type Day = ColumnType<string, string, string>;

export interface CustomsDeclarationsTable {
  id: Generated<string>;
  reference: string;
  local_reference: string;
  declarant_tax_id: string;
  importer_tax_id: string | null;
  exporter_tax_id: string | null;
  regime: Regime;
  office_code: string;
  state: DeclarationState;
  version: ColumnType<number, number | undefined, number>;
  /** The day whose tariff and exchange rates apply (the day of lodgement). */
  declared_on: Day;
  payload: Json;
  assessment: Json | null;
  total_due: ColumnType<string | null, number | null | undefined, number | null>;
  currency: string;
  channel: Channel | null;
  risk: Json | null;
  rejection: Json | null;
  /** DocumentCheck[]: what the issuers said about the cited documents. */
  document_checks: ColumnType<unknown, unknown | undefined, unknown>;
  /** Lodged, waiting for an issuer's service to answer about a cited document. */
  awaiting_documents: ColumnType<boolean, boolean | undefined, boolean>;
  /** How the duties were paid: { paymentId, receiptNumber, channel, amount, currency, paidAt }. */
  payment: Json | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  lodged_at: Date | null;
  released_at: Date | null;
}

export interface CustomsDeclarationVersionsTable {
  declaration_id: string;
  version: number;
  payload: Json;
  reason: string | null;
  created_by_label: string;
  created_at: Generated<Date>;
}

export interface CustomsDeclarationStatesTable {
  id: Generated<string>;
  declaration_id: string;
  state: DeclarationState;
  actor_label: string;
  entered_at: Generated<Date>;
}

export interface CustomsNotificationsTable {
  id: Generated<string>;
  declaration_id: string;
  kind: NotificationKind;
  body: Json;
  issued_at: Generated<Date>;
}

export interface CustomsInspectionsTable {
  id: Generated<string>;
  declaration_id: string;
  outcome: InspectionOutcome;
  findings: string;
  inspector_id: string | null;
  inspector_label: string;
  created_at: Generated<Date>;
}

export interface CustomsRegulatoryRulesTable {
  id: Generated<string>;
  hs_prefix: string;
  regime: Regime | null;
  origin: string | null;
  document_type: string;
  agency_code: string;
  note: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CustomsRiskProfilesTable {
  id: string;
  definition: Json;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CustomsReferencePricesTable {
  hs_prefix: string;
  /** National currency per kilogram, a decimal written exactly. */
  price_per_kg: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CustomsPartyRiskTable {
  tax_id: string;
  declarations: ColumnType<number, number | undefined, number>;
  inspections: ColumnType<number, number | undefined, number>;
  discrepancies: ColumnType<number, number | undefined, number>;
  seizures: ColumnType<number, number | undefined, number>;
  score: ColumnType<string, number | string | undefined, number | string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CustomsDeclarationTables {
  customs_declarations: CustomsDeclarationsTable;
  customs_declaration_versions: CustomsDeclarationVersionsTable;
  customs_declaration_states: CustomsDeclarationStatesTable;
  customs_notifications: CustomsNotificationsTable;
  customs_inspections: CustomsInspectionsTable;
  customs_regulatory_rules: CustomsRegulatoryRulesTable;
  customs_risk_profiles: CustomsRiskProfilesTable;
  customs_reference_prices: CustomsReferencePricesTable;
  customs_party_risk: CustomsPartyRiskTable;
}
