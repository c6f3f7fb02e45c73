import type { ColumnType, Generated } from 'kysely';
import type { LegacyItem, LegacyRejection, LegacyTaxes, SourceFormat } from './record.ts';

type Numeric = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, unknown, unknown>;

/** One import of a legacy export file: what was read, stored, skipped and refused. */
export interface LegacyImportRunsTable {
  id: Generated<string>;
  file_name: string;
  source_format: SourceFormat;
  /** SHA-256 of the file as received, hex. */
  digest: string;
  started_at: Generated<Date>;
  /** Null while the import runs (or if it was interrupted: importing the file again completes it). */
  finished_at: Date | null;
  started_by_label: string;
  /** CSV data lines, or CUSDEC messages. */
  lines_read: Generated<number>;
  imported: Generated<number>;
  already_present: Generated<number>;
  rejected: Generated<number>;
  rejections: Json<LegacyRejection[]>;
}

/** A declaration lodged in the old system, as imported; never updated nor deleted through the platform. */
export interface LegacyDeclarationsTable {
  id: Generated<string>;
  source_format: SourceFormat;
  legacy_reference: string;
  office_code: string;
  regime: string;
  lodged_at: Date;
  released_at: Date | null;
  channel: string | null;
  importer_tax_id: string | null;
  declarant_tax_id: string;
  currency: string;
  customs_value: Numeric;
  taxes: Json<LegacyTaxes>;
  taxes_total: Numeric;
  items: Json<LegacyItem[]>;
  import_run_id: string;
  imported_at: Generated<Date>;
}

/** Counts and sums of the stored legacy declarations by lodgement day (UTC), office, regime and channel. */
export interface LegacyDailyTotalsTable {
  /** YYYY-MM-DD */
  day: string;
  office_code: string;
  regime: string;
  /** '' for declarations without a channel. */
  channel: string;
  declarations: number;
  released: number;
  /** Sum of lodgement-to-release times of the released ones, in milliseconds. */
  release_ms: ColumnType<number, number, number>;
  taxes_total: Numeric;
}

export interface LegacyTables {
  legacy_import_runs: LegacyImportRunsTable;
  legacy_declarations: LegacyDeclarationsTable;
  legacy_daily_totals: LegacyDailyTotalsTable;
}
