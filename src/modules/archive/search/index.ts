export { archiveSearchMigration } from './migration.ts';
export { archiveTextsNewestMigration } from './newest-migration.ts';
export type { ArchiveSearchTables, TextLanguage } from './schema.ts';
export { createArchiveSearch, type ArchiveSearch } from './service.ts';
export { archiveSearchRoutes } from './routes.ts';
export { indexPackageMetadata, type IndexedPage } from './text.ts';
export type { SearchQuery, SearchResult } from './query.ts';
