/**
 * The customs officers' queue as the address bar keeps it (so a channel's queue can be bookmarked
 * or handed over) and as `GET /api/customs/queue?channel=&state=` reads it: oldest first, one
 * state at a time, every channel or one.
 */
import { CHANNELS, DECLARATION_STATES, type Channel } from './types';

/** Where yellow and red declarations wait for an officer; the server's own default too. */
export const DEFAULT_QUEUE_STATE = 'channel_assigned';
/** The most the route returns at once (limit ≤ 200); the queue is worked from its oldest. */
export const QUEUE_LIMIT = 100;

export interface CustomsQueueFilters {
  channel: Channel | null;
  state: string;
}

/** Reads the address bar; an unknown channel shows every channel, an unknown state the default. */
export function queueFiltersFrom(search: URLSearchParams): CustomsQueueFilters {
  const channel = search.get('channel');
  const state = search.get('state');
  return {
    channel: CHANNELS.find((candidate) => candidate === channel) ?? null,
    state: DECLARATION_STATES.find((candidate) => candidate === state) ?? DEFAULT_QUEUE_STATE,
  };
}

/** What differs from the default only: `?channel=red`, not `?channel=red&state=channel_assigned`. */
export function queueSearchOf(filters: CustomsQueueFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.channel) search.set('channel', filters.channel);
  if (filters.state !== DEFAULT_QUEUE_STATE) search.set('state', filters.state);
  return search;
}

/** The API path, the state always spelled out rather than left to the server's default. */
export function queuePath(filters: CustomsQueueFilters): string {
  const search = queueSearchOf(filters);
  search.set('state', filters.state);
  search.set('limit', String(QUEUE_LIMIT));
  return `/api/customs/queue?${search.toString()}`;
}
