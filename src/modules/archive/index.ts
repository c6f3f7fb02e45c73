export { archiveMigration } from './migration.ts';
export type { ArchiveTables } from './schema.ts';
export { registerArchive, archiveReadsOf, type ArchiveModuleDeps } from './wiring.ts';
export { createArchive, type Archive } from './service.ts';
export { archiveRoots, type ArchiveRoots } from './config.ts';
export { createFileArchiveStore, type ArchiveStore } from './store.ts';
export type { FixityReport } from './fixity.ts';
export { archiveAuditCommand } from './audit-command.ts';
export { DECLARATION_RETENTION_CLASS } from './declaration-package.ts';
