import type { ColumnType, Generated } from 'kysely';
import type { AccessLevel, SourceType } from '../schema.ts';

export type TextLanguage = 'fr' | 'ar' | 'en';
export type AccessRequestState = 'pending' | 'granted' | 'refused';

/**
 * One searchable text of a package: its description (file and page null) or one OCR'd page of a
 * file. `document` is computed by PostgreSQL with the language's text search configuration.
 */
export interface ArchiveTextsTable {
  id: Generated<number>;
  package_id: string;
  file_id: string | null;
  page: number | null;
  language: TextLanguage;
  body: string;
  document: ColumnType<string, never, never>;
  /** The package's, copied so a search reads the texts alone (migration 0035); the level follows the package's. */
  agency_id: string;
  access_level: AccessLevel;
  source_type: SourceType;
  retention_class: string;
  stored_at: Date | null;
}

export interface ArchiveAccessRequestsTable {
  id: Generated<string>;
  package_id: string;
  applicant_id: string;
  reason: string;
  state: AccessRequestState;
  created_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
  expires_at: Date | null;
}

export interface ArchiveSearchTables {
  archive_texts: ArchiveTextsTable;
  archive_access_requests: ArchiveAccessRequestsTable;
}
