import type { ColumnType, Generated } from 'kysely';

type Numeric = ColumnType<string, string | number, string | number>;

export interface PermitsTable {
  id: Generated<string>;
  /** As printed on the permit: COMMERCE-2026-000042. */
  number: string;
  type: string;
  agency_code: string;
  holder_tax_id: string;
  holder_name: string;
  /** The goods it covers: every tariff line starting with these digits. */
  hs_prefix: string;
  /** UN/ECE Rec. 20 code (TNE, KGM, LTR, NAR…). */
  unit: string;
  quantity: Numeric;
  drawn: ColumnType<string, string | number | undefined, string | number>;
  /** YYYY-MM-DD */
  valid_from: string;
  valid_until: string;
  revoked_at: Date | null;
  revocation_reason: string | null;
  /** The signed document the platform issued for it, when it did. */
  document_id: string | null;
  created_at: Generated<Date>;
}

export interface PermitHoldsTable {
  permit_id: string;
  /** The customs declaration holding the quantity until release. */
  declaration_id: string;
  quantity: Numeric;
  state: 'held' | 'drawn' | 'released';
  created_at: Generated<Date>;
  settled_at: Date | null;
}

export interface PermitTables {
  permits: PermitsTable;
  permit_holds: PermitHoldsTable;
}
