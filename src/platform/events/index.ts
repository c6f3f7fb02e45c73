export { retryDelayMs, type BackoffPolicy } from './backoff.ts';
export {
  createEventBus,
  type EventBus,
  type EventBusOptions,
  type EventDelivery,
  type EventHandler,
  type EventLogger,
  type JobHandler,
  type SubscribeOptions,
  type TopicMap,
} from './bus.ts';
export { listDeadLetters, replayDeadLetter, type DeadLetter, type DeadLetterQuery } from './dead-letters.ts';
export { pruneDeliveredEvents } from './prune.ts';
export type { ScheduledRun } from './scheduled-jobs.ts';
