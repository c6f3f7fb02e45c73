import { ApiError } from '../api/client';
import type { SessionUser } from '../api/types';
import { fieldMessages, type FieldMessage } from '../forms/fieldMessages';
import type { MemberKey, OutboxStatus } from './types';

/** Where the console's pages sit under the section's path. */
export const consolePaths = {
  members: '/exchange',
  services: '/exchange/services',
  accessRights: '/exchange/access-rights',
  traffic: '/exchange/traffic',
  outbox: '/exchange/outbox',
} as const;

export const memberPath = (id: string) => `/api/exchange/members/${encodeURIComponent(id)}`;

/** Changing the registry and replaying messages is exchange.manage: the platform administrator's alone (policy.ts). */
export function canManageExchange(user: SessionUser): boolean {
  return user.roles.some((assignment) => assignment.role === 'platform_admin');
}

/** How many keys each member holds, and how many of them are active, by member id. */
export function keyCounts(keys: readonly MemberKey[]): ReadonlyMap<string, { active: number; total: number }> {
  const counts = new Map<string, { active: number; total: number }>();
  for (const key of keys) {
    const count = counts.get(key.memberId) ?? { active: 0, total: 0 };
    counts.set(key.memberId, { active: count.active + (key.status === 'active' ? 1 : 0), total: count.total + 1 });
  }
  return counts;
}

export type JsonObjectText = { ok: true; value: Record<string, unknown> } | { ok: false; problem: 'notJson' | 'notObject' };

/** A JSON object pasted into a text area (a JWK, a JSON Schema), or what is wrong with it. */
export function parseJsonObject(text: string): JsonObjectText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'notObject' };
  return { ok: true, value: value as Record<string, unknown> };
}

export interface TrafficFilters {
  peer: string;
  service: string;
  status: string;
  direction: '' | 'in' | 'out';
}

const trafficFilterNames = ['peer', 'service', 'status', 'direction'] as const;

/** The filters the address bar holds, so that a filtered log can be linked to (from the summary) and bookmarked. */
export function trafficFiltersOf(search: URLSearchParams): TrafficFilters {
  const direction = search.get('direction');
  return {
    peer: search.get('peer')?.trim() ?? '',
    service: search.get('service')?.trim() ?? '',
    status: search.get('status')?.trim() ?? '',
    direction: direction === 'in' || direction === 'out' ? direction : '',
  };
}

/** The filters that are set, as a query string: for the address bar, and for the API. */
export function trafficSearch(filters: TrafficFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of trafficFilterNames) {
    const value = filters[name].trim();
    if (value) search.set(name, value);
  }
  return search;
}

/** One page of the message log, as `GET /api/exchange/traffic` reads it. */
export function trafficPath(filters: TrafficFilters, limit: number): string {
  const query = trafficSearch(filters);
  query.set('limit', String(limit));
  return `/api/exchange/traffic?${query.toString()}`;
}

export function outboxPath(status: OutboxStatus | '', limit: number): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (status) query.set('status', status);
  return `/api/exchange/outbox?${query.toString()}`;
}

/** The next page of a keyset-paged list: the same query, before the last row seen. */
export function olderPath(path: string, before: string | number): string {
  return `${path}${path.includes('?') ? '&' : '?'}before=${encodeURIComponent(String(before))}`;
}

/**
 * A refusal's messages by form field. Schema validation names fields as `body.names.fr`; the
 * registry's own checks name them by JSON pointer (`/identifier`,
 * `/requestSchema/properties/x/type`), which belongs to the pointer's first field.
 */
export function registryFieldMessages(error: unknown): ReadonlyMap<string, FieldMessage> {
  const messages = new Map(fieldMessages(error, 'body'));
  if (!(error instanceof ApiError)) return messages;
  const fields: unknown = (error.details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return messages;
  for (const problem of fields as { path?: unknown; message?: unknown }[]) {
    if (typeof problem.path !== 'string' || !problem.path.startsWith('/') || typeof problem.message !== 'string') continue;
    const field = problem.path.split('/')[1] ?? '';
    if (field && !messages.has(field)) messages.set(field, { text: problem.message, language: error.language });
  }
  return messages;
}
