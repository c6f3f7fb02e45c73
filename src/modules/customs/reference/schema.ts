import type { ColumnType, Generated } from 'kysely';
import type { LocalisedText } from '../../../platform/auth/schema.ts';
import type { DutyBand } from '../assessment/types.ts';

/** A calendar day, `YYYY-MM-DD`, read and written as text. */
type Day = ColumnType<string, string, string>;
/** PostgreSQL numeric, read back as its exact decimal text. */
type Exact = ColumnType<string, string, string>;

/** The assessment's Excise with its rates as exact decimal text, as the tariff stores them. */
export type ExactExcise = { kind: 'ad_valorem'; percent: string } | { kind: 'specific'; amountPerUnit: string; unit: string };

export type OfficeKind = 'port' | 'airport' | 'land_border' | 'inland' | 'post';

export interface CustomsHsSectionsTable {
  code: string;
  position: number;
  name: string;
}

export interface CustomsHsNomenclatureTable {
  code: string;
  level: 2 | 4 | 6;
  parent: string | null;
  section: string | null;
  /** The WCO's English description, as UN Comtrade publishes it. */
  description: string;
  label_fr: string | null;
  label_ar: string | null;
  search_text: string;
}

export interface CustomsCountriesTable {
  code: string;
  names: ColumnType<LocalisedText, unknown, unknown>;
  currency: string | null;
  /** Member of the customs union whose originating goods may claim the community preference. */
  community_member: boolean;
}

export interface CustomsCurrenciesTable {
  code: string;
  numeric_code: string;
  minor_unit: number;
  name: string;
}

export interface CustomsOfficesTable {
  code: string;
  kind: OfficeKind;
  un_locode: string;
  names: ColumnType<LocalisedText, unknown, unknown>;
}

export interface CustomsExchangeRatesTable {
  currency: string;
  valid_on: Day;
  rate: Exact;
  published_by: string;
  published_at: Generated<Date>;
}

export interface CustomsTariffVersionsTable {
  id: Generated<string>;
  label: string;
  valid_from: Day;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  statistical_fee_percent: Exact;
  community_levy_percent: Exact;
  line_count: number;
  source_sha256: string;
  imported_by: string;
  imported_at: Generated<Date>;
}

export interface CustomsTariffLinesTable {
  version_id: string;
  /** Ten digits without dots: the HS subheading and the national extension. */
  national_line: string;
  hs6: string;
  description: string;
  duty_band: DutyBand;
  vat_percent: Exact;
  excise: ColumnType<ExactExcise | null, unknown, unknown>;
  community_preference: boolean;
  search_text: string;
}

export interface CustomsReferenceDatasetsTable {
  name: string;
  sha256: string;
  row_count: number;
  loaded_at: Generated<Date>;
}

export interface CustomsReferenceTables {
  customs_hs_sections: CustomsHsSectionsTable;
  customs_hs_nomenclature: CustomsHsNomenclatureTable;
  customs_countries: CustomsCountriesTable;
  customs_currencies: CustomsCurrenciesTable;
  customs_offices: CustomsOfficesTable;
  customs_exchange_rates: CustomsExchangeRatesTable;
  customs_tariff_versions: CustomsTariffVersionsTable;
  customs_tariff_lines: CustomsTariffLinesTable;
  customs_reference_datasets: CustomsReferenceDatasetsTable;
}
