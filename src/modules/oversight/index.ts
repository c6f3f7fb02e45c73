export { oversightMigration } from './migration.ts';
export type { OversightTables } from './schema.ts';
export { registerOversight, type OversightDeps } from './service.ts';
export { registerLegacyFacts, pullLegacyRun, storeFacts, type LegacyRunReader } from './read-model.ts';
export { factOf, legacyFactOf, type LegacyDeclaration, type DeclarationFact } from './facts.ts';
export { FIGURE_NAMES, type FigureName } from './figures.ts';
