/**
 * The case queue as the officer narrows it (and as the address bar keeps it, so a queue can be
 * bookmarked, reloaded or handed to a colleague), and as `GET /api/cases` reads it.
 */
import type { DeadlineStatus } from '../applications/types';

export const deadlineStatuses: readonly DeadlineStatus[] = ['on_time', 'due_soon', 'overdue'];
export const assignedChoices = ['any', 'me', 'unassigned'] as const;
/** `queue`: the files waiting on the agency now; `all`: every file it issues or holds, closed ones too. */
export const queueViews = ['queue', 'all'] as const;
export const sortKeys = ['dueOn', 'submittedAt', 'reference'] as const;
export const sortOrders = ['asc', 'desc'] as const;

export type AssignedChoice = (typeof assignedChoices)[number];
export type QueueView = (typeof queueViews)[number];
export type SortKey = (typeof sortKeys)[number];
export type SortOrder = (typeof sortOrders)[number];

export interface QueueFilters {
  view: QueueView;
  /** An agency code among the officer's grants; empty for all of them. */
  agency: string;
  procedureId: string;
  state: string;
  deadline: DeadlineStatus | '';
  assigned: AssignedChoice;
  escalated: boolean;
  q: string;
  sort: SortKey;
  order: SortOrder;
  offset: number;
}

/** The most urgent first: a queue is worked from the deadline that falls soonest. */
export const defaultFilters: QueueFilters = {
  view: 'queue',
  agency: '',
  procedureId: '',
  state: '',
  deadline: '',
  assigned: 'any',
  escalated: false,
  q: '',
  sort: 'dueOn',
  order: 'asc',
  offset: 0,
};

export const QUEUE_PAGE = 20;

function oneOf<T extends string>(choices: readonly T[], value: string | null, fallback: T): T {
  return choices.find((choice) => choice === value) ?? fallback;
}

/** Reads the address bar; anything unknown or malformed falls back to the default. */
export function filtersFromSearch(search: URLSearchParams): QueueFilters {
  const offset = Number(search.get('offset') ?? '0');
  return {
    view: oneOf(queueViews, search.get('view'), defaultFilters.view),
    agency: search.get('agency')?.trim() ?? '',
    procedureId: search.get('procedureId')?.trim() ?? '',
    state: search.get('state')?.trim() ?? '',
    deadline: oneOf<DeadlineStatus | ''>(['', ...deadlineStatuses], search.get('deadline'), ''),
    assigned: oneOf(assignedChoices, search.get('assigned'), defaultFilters.assigned),
    escalated: search.get('escalated') === 'true',
    q: search.get('q')?.trim() ?? '',
    sort: oneOf(sortKeys, search.get('sort'), defaultFilters.sort),
    order: oneOf(sortOrders, search.get('order'), defaultFilters.order),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address bar keeps what differs from the default only: short links, stable bookmarks. */
export function searchFromFilters(filters: QueueFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.view !== defaultFilters.view) search.set('view', filters.view);
  for (const name of ['agency', 'procedureId', 'state', 'deadline', 'q'] as const) {
    const value = filters[name].trim();
    if (value) search.set(name, value);
  }
  if (filters.assigned !== defaultFilters.assigned) search.set('assigned', filters.assigned);
  if (filters.escalated) search.set('escalated', 'true');
  if (filters.sort !== defaultFilters.sort) search.set('sort', filters.sort);
  if (filters.order !== defaultFilters.order) search.set('order', filters.order);
  if (filters.offset > 0) search.set('offset', String(filters.offset));
  return search;
}

/** The API path for one page; sorting and paging are always spelled out, never left to a server default. */
export function casesPath(filters: QueueFilters): string {
  const query = searchFromFilters(filters);
  query.set('sort', filters.sort);
  query.set('order', filters.order);
  query.set('limit', String(QUEUE_PAGE));
  query.set('offset', String(filters.offset));
  return `/api/cases?${query.toString()}`;
}

/** Which rows a page shows, 1-based and inclusive, for "21–40 of 45"; null when there is none. */
export function pageRange(offset: number, shown: number, total: number): { first: number; last: number; total: number } | null {
  if (shown === 0) return null;
  return { first: offset + 1, last: offset + shown, total };
}
