import type { ColumnType, Generated } from 'kysely';
import type { DiscrepancyKind, GateOutRefusal, MatchedBy } from './matching.ts';

type Day = ColumnType<string, string, string>;
type Decimal = ColumnType<string, string | number, string | number>;

export interface PortManifestsTable {
  id: Generated<string>;
  /** The exchange member the manifest is from, and told of gate-outs. */
  port_member: string;
  reference: string;
  /** SHA-256 of the canonical manifest (RFC 8785 JSON): a re-sent identical manifest is the same one. */
  digest: string;
  format: 'json' | 'cuscar';
  transport_mode: 'sea' | 'air';
  means_id: string;
  voyage: string;
  port_of_arrival: string;
  arrival_date: Day;
  submitted_by: string;
  received_at: Generated<Date>;
  matched_at: Date | null;
}

export interface PortManifestLinesTable {
  id: Generated<string>;
  manifest_id: string;
  line_number: number;
  bill_of_lading: string;
  consignee_name: string;
  consignee_tax_id: string;
  packages_count: number;
  packages_kind: string;
  gross_mass_kg: Decimal;
  description: string;
}

export interface PortManifestContainersTable {
  line_id: string;
  container: string;
}

export interface PortLineMatchesTable {
  line_id: string;
  declaration_id: string;
  declaration_reference: string;
  declaration_state: string;
  released: boolean;
  matched_by: MatchedBy;
}

export interface PortDiscrepanciesTable {
  line_id: string;
  manifest_id: string;
  kind: DiscrepancyKind;
  manifested_kg: Decimal;
  declared_kg: Decimal | null;
  detected_at: Generated<Date>;
}

export interface PortGateOutsTable {
  line_id: string;
  container: string;
  decision: 'allowed' | 'refused';
  reason: GateOutRefusal | null;
  /** The container-gate-out message sent to the port when allowed. */
  message_id: string | null;
  decided_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PortTables {
  port_manifests: PortManifestsTable;
  port_manifest_lines: PortManifestLinesTable;
  port_manifest_containers: PortManifestContainersTable;
  port_line_matches: PortLineMatchesTable;
  port_discrepancies: PortDiscrepanciesTable;
  port_gate_outs: PortGateOutsTable;
}
