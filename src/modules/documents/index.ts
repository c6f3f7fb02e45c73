export { createDocumentService, type DocumentService } from './service.ts';
export type { DocumentServiceDeps } from './core.ts';
export { documentsConfig, type DocumentsConfig } from './config.ts';
export type { DocumentTopics, DocumentEvent } from './events.ts';
export type { DocumentSummary } from './store.ts';
export type { VerificationResult } from './verification.ts';
export { documentRoutes } from './routes.ts';
export { registerDocumentIssuance } from './subscribers.ts';
export { documentsMigration } from './migration.ts';
