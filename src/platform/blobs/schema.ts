import type { Generated } from 'kysely';

export interface BlobsTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: Generated<Date>;
}

export interface BlobTables {
  blobs: BlobsTable;
}
