export { archiveScannedBatchesMigration } from './migration.ts';
export type { ArchiveScannedTables } from './schema.ts';
export { createScannedIngest, type ScannedIngest } from './service.ts';
export { registerScannedIngest } from './wiring.ts';
export { archiveIngestCommand, prepareArchiveIngest } from './command.ts';
export { scannedIngestConfig } from './config.ts';
