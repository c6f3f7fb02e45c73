export { archiveRetentionMigration } from './migration.ts';
export type { ArchiveRetentionTables } from './schema.ts';
export { disposalDueOn, schemeProblems, type ClassificationScheme, type DisposalAction, type RetentionClass } from './schedule.ts';
export { loadClassificationScheme } from './scheme-file.ts';
export { ensureClassificationScheme } from './scheme.ts';
export { createRetention, type Retention } from './service.ts';
export { retentionRoutes } from './routes.ts';
