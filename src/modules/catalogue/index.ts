export type { ProcedureDefinition, WorkflowState, WorkflowTransition, FeeRule, LocalisedText } from './definition.ts';
export { getDefinition, latestPublishedVersion, listProcedures, pinnedDefinition, publishDefinition, publishShippedDefinitions, type PublishedVersion } from './service.ts';
export { computeFees, type FeeLine } from './fees.ts';
export { readShippedDefinitions } from './shipped.ts';
export { catalogueRoutes } from './routes.ts';
export { formAjv } from './validate.ts';
