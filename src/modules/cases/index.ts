export { createCaseService, type CaseService } from './service.ts';
export type { CaseServiceDeps } from './core.ts';
export type { CaseTopics, ApplicationStateChanged, ApplicationEscalated } from './events.ts';
export type { ApplicationView, ApplicationSummary, TimelineEntry, AttachmentView } from './view.ts';
export type { QueueFilters } from './queue.ts';
export { caseRoutes } from './routes.ts';
export { loadWorkingCalendar, today } from './calendar.ts';
export { casesMigration } from './migration.ts';
