/**
 * The audit search as the auditor writes it (and as the address bar keeps it, so a search can
 * be bookmarked or handed to a colleague), and as `GET /api/audit/entries` reads it.
 */
export const auditFilterNames = ['action', 'recordType', 'recordId', 'actorId', 'requestId', 'agencyId', 'from', 'to'] as const;

export type AuditFilterName = (typeof auditFilterNames)[number];
export type AuditFilters = Record<AuditFilterName, string>;

export const noFilters: AuditFilters = { action: '', recordType: '', recordId: '', actorId: '', requestId: '', agencyId: '', from: '', to: '' };

/** One page of the trail; "older entries" asks for the next with `before` = the last seq seen. */
export const AUDIT_PAGE = 50;

export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const filters = { ...noFilters };
  for (const name of auditFilterNames) filters[name] = search.get(name)?.trim() ?? '';
  return filters;
}

export function searchFromFilters(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of auditFilterNames) {
    const value = filters[name].trim();
    if (value) search.set(name, value);
  }
  return search;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The instant a calendar day starts where the auditor is, `offset` days later. The dates are the
 * auditor's days, not UTC's: "from 3 March" means from their midnight.
 */
export function startOfLocalDay(day: string, offset = 0): string | null {
  const match = isoDay.exec(day);
  if (!match) return null;
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  return new Date(year, month - 1, date + offset).toISOString();
}

export type AuditFilterProblem = 'invalidDate' | 'toBeforeFrom';

/** What the form can tell before asking the server. */
export function filterProblems(filters: AuditFilters): Partial<Record<AuditFilterName, AuditFilterProblem>> {
  const problems: Partial<Record<AuditFilterName, AuditFilterProblem>> = {};
  if (filters.from && !startOfLocalDay(filters.from)) problems.from = 'invalidDate';
  if (filters.to && !startOfLocalDay(filters.to)) problems.to = 'invalidDate';
  if (!problems.from && !problems.to && filters.from && filters.to && filters.to < filters.from) problems.to = 'toBeforeFrom';
  return problems;
}

/** The API path for one page. `to` is inclusive for the auditor and exclusive for the API. */
export function auditEntriesPath(filters: AuditFilters, before?: number): string {
  const query = new URLSearchParams();
  for (const name of ['action', 'recordType', 'recordId', 'actorId', 'requestId', 'agencyId'] as const) {
    if (filters[name]) query.set(name, filters[name]);
  }
  const from = filters.from ? startOfLocalDay(filters.from) : null;
  const to = filters.to ? startOfLocalDay(filters.to, 1) : null;
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  if (before !== undefined) query.set('before', String(before));
  query.set('limit', String(AUDIT_PAGE));
  return `/api/audit/entries?${query.toString()}`;
}

/** Enough of a SHA-256 hash to compare by eye with the one in a report. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/**
 * The first block of a UUID (or request id): enough to tell rows apart at a glance. The full
 * identifier is one click away, in the search form the link fills in.
 */
export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
