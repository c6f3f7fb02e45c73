import type { ColumnType, Generated } from 'kysely';

export type PackageState = 'ingesting' | 'stored' | 'destroyed';
/** Where a package came from: a closed file of the platform, a scanned paper record, another archive's bag. */
export type SourceType = 'application' | 'customs_declaration' | 'scanned_record' | 'imported_bag';
export type AccessLevel = 'public' | 'restricted' | 'confidential';
export type FileRole = 'form' | 'attachment' | 'document' | 'decision' | 'audit' | 'metadata';
export type CopyState = 'present' | 'corrupt' | 'missing';
/** PREMIS 3 event types (id.loc.gov/vocabulary/preservation/eventType), as the archive records them. */
export type PremisEventType = 'ingestion' | 'message digest calculation' | 'fixity check' | 'replication' | 'format identification' | 'access' | 'deletion' | 'policy assignment';

export interface ArchivePackagesTable {
  id: Generated<string>;
  identifier: string;
  source_type: SourceType;
  source_id: string;
  source_reference: string;
  agency_id: string;
  title: string;
  retention_class: string;
  access_level: Generated<AccessLevel>;
  state: PackageState;
  created_at: Generated<Date>;
  stored_at: Date | null;
}

export interface ArchiveFilesTable {
  id: Generated<string>;
  package_id: string;
  path: string;
  size: number;
  sha256: string;
  sha512: string;
  format: string;
  role: FileRole;
}

export interface ArchiveCopiesTable {
  sha256: string;
  root: string;
  state: CopyState;
  checked_at: Generated<Date>;
}

export interface ArchiveEventsTable {
  id: Generated<number>;
  event_type: PremisEventType;
  outcome: 'success' | 'failure';
  detail: string;
  agent: string;
  at: Generated<Date>;
  package_id: string | null;
  file_id: string | null;
}

/** A problem a fixity run left behind: a copy it could not repair, or content with no intact copy. */
export interface FixityProblem {
  kind: 'lost' | 'unrepaired';
  sha256: string;
  root: string | null;
  agencyId: string;
  package: string;
  path: string;
}

export interface ArchiveFixityRunsTable {
  id: Generated<string>;
  started_at: Date;
  finished_at: Date;
  agent: string;
  checked: number;
  intact: number;
  repaired: number;
  lost: number;
  unrepaired: number;
  problems: ColumnType<FixityProblem[], unknown, unknown>;
}

export interface ArchiveTables {
  archive_packages: ArchivePackagesTable;
  archive_files: ArchiveFilesTable;
  archive_copies: ArchiveCopiesTable;
  archive_events: ArchiveEventsTable;
  archive_fixity_runs: ArchiveFixityRunsTable;
}
