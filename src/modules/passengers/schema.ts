import type { ColumnType, Generated } from 'kysely';
import type { ConvertedAmount } from './currency-conversion.ts';
import type { VehiclePassState } from './vehicle-stay.ts';

/** A vehicle temporary-admission pass: a foreign vehicle's stay, from its request to its exit. */
export interface VehiclePassesTable {
  id: Generated<string>;
  /** The signed document (QR) the traveller shows at the border. */
  document_id: string;
  /** As printed: CUSTOMS-2026-000042. */
  document_number: string;
  /** The account that requested it. */
  traveller_id: string;
  traveller_name: string;
  passport_number: string;
  /** ISO 3166-1 alpha-2 */
  passport_country: string;
  /** ISO 3779, normalised (customs normaliseVin). */
  vin: string;
  plate: string;
  registration_country: string;
  /** The customs office the traveller plans to enter through. */
  entry_office: string;
  /** YYYY-MM-DD */
  planned_entry_on: string;
  allowed_days: number;
  state: VehiclePassState;
  entered_on: string | null;
  entered_at_office: string | null;
  exited_on: string | null;
  exited_at_office: string | null;
  /** The day the overdue job flagged it; kept after exit, as the vehicle's history. */
  overdue_on: string | null;
  created_at: Generated<Date>;
}

/** A foreign-currency declaration at or above the threshold, with its conversion at the day's rates. */
export interface CurrencyDeclarationsTable {
  id: Generated<string>;
  document_id: string;
  document_number: string;
  traveller_id: string;
  traveller_name: string;
  passport_number: string;
  passport_country: string;
  direction: 'entry' | 'exit';
  office: string;
  declared_on: string;
  amounts: ColumnType<ConvertedAmount[], unknown, unknown>;
  national_currency: string;
  total_national: number;
  created_at: Generated<Date>;
}

export interface PassengerTables {
  vehicle_passes: VehiclePassesTable;
  currency_declarations: CurrencyDeclarationsTable;
}
