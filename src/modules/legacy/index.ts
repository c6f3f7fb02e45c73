/**
 * The old customs system's declarations during migration (docs/customs/legacy-coexistence.md):
 * imported read-only from its CSV export or CUSDEC interchanges, marked with their origin, and read
 * by statistics next to the platform's own declarations.
 */
export { legacyDeclarationsMigration } from './migration.ts';
export type { LegacyTables } from './schema.ts';
export type { LegacyTopics, LegacyImportFinished } from './events.ts';
export { createLegacyDeclarations, type LegacyDeclarations, type LegacyDeclarationsDeps, type LegacyUpload } from './service.ts';
export { legacyRoutes } from './routes.ts';
export { legacyImportCommand } from './command.ts';
export { legacyDeclarationFacts, type LegacyDeclarationFact, type LegacyDeclarationView, type LegacyFilters, type LegacyImportRunView, type LegacyImportRunSummary } from './reads.ts';
export { SUMMARY_DIMENSIONS, type LegacySummaryRow, type SummaryDimension } from './summary.ts';
export { LEGACY_REGIMES, CHANNELS as LEGACY_CHANNELS, TAX_KINDS, type LegacyRegime, type LegacyChannel, type LegacyTaxes } from './record.ts';
