export { notificationConfig, type NotificationConfig } from './config.ts';
export { notificationsMigration } from './migration.ts';
export { notificationRoutes } from './routes.ts';
export type { NotificationTables } from './schema.ts';
export { registerNotifications, type NotificationDeps, type NotificationTopics } from './subscribers.ts';
export type { SmsSender } from './transports.ts';
