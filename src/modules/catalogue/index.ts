export type { ProcedureDefinition, WorkflowState, WorkflowTransition, FeeRule } from './definition.ts';
export { getDefinition, listProcedures, publishDefinition, publishShippedDefinitions } from './service.ts';
export { readShippedDefinitions } from './shipped.ts';
export { catalogueRoutes } from './routes.ts';
export { formAjv } from './validate.ts';
