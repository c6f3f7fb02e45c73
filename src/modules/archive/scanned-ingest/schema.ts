import type { ColumnType, Generated } from 'kysely';
import type { AccessLevel } from '../schema.ts';
import type { OcrLanguage } from '../scanned/index.ts';

export type BatchState = 'open' | 'submitted' | 'done';
/** queued (uploaded; read once the batch is submitted) → recognising (OCR, then storing) → stored | refused. */
export type ItemState = 'queued' | 'recognising' | 'stored' | 'refused';
/** A title in at least one of the platform's languages. */
export type BatchTitle = Partial<Record<'fr' | 'ar' | 'en', string>>;

/** One page as the OCR read it, kept on the item so a resumed item is not read twice. */
export interface RecognisedPageRow {
  number: number;
  text: string;
  confidence: number;
}

type Json<T> = ColumnType<T, unknown, unknown>;

export interface ArchiveScannedBatchesTable {
  id: Generated<string>;
  reference: string;
  /** The ingesting agency: the archivist's own, or the National Archives for another agency's records. */
  agency_id: string;
  /** The agency that produced the paper records: the packages' agency. */
  creator_agency_id: string;
  created_by_id: string | null;
  created_by: string;
  title: Json<BatchTitle>;
  subject: string;
  date_from: string;
  date_to: string | null;
  retention_class: string;
  access_level: AccessLevel;
  languages: Json<OcrLanguage[]>;
  state: Generated<BatchState>;
  created_at: Generated<Date>;
  submitted_at: Date | null;
  finished_at: Date | null;
}

export interface ArchiveScannedItemsTable {
  id: Generated<string>;
  batch_id: string;
  position: number;
  name: string;
  size: number;
  sha256: string;
  media_type: string;
  puid: string | null;
  page_count: number;
  languages: Json<OcrLanguage[]>;
  state: Generated<ItemState>;
  progress: Generated<number>;
  pages: number | null;
  confidence: number | null;
  recognised: Json<RecognisedPageRow[] | null>;
  package_identifier: string | null;
  refusal_code: string | null;
  refusal_params: Json<Record<string, unknown> | null>;
  refusal_detail: string | null;
  attempts: Generated<number>;
  lease_until: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ArchiveScannedTables {
  archive_scanned_batches: ArchiveScannedBatchesTable;
  archive_scanned_items: ArchiveScannedItemsTable;
}
