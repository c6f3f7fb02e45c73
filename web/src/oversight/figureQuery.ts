import type { SessionUser } from '../api/types';

/** The figures of the dashboards, as the server names their routes (/api/oversight/<name>). */
export const customsFigures = ['declarations-per-day', 'clearance-time', 'revenue', 'systems-share', 'risk'] as const;
export const agencyFigures = ['licences', 'procedures'] as const;
export type FigureName = (typeof customsFigures)[number] | (typeof agencyFigures)[number];

export interface DashboardFilters {
  from: string;
  to: string;
  officeCode: string;
  agency: string;
}

export const emptyFilters: DashboardFilters = { from: '', to: '', officeCode: '', agency: '' };

export function filtersFromSearch(search: URLSearchParams): DashboardFilters {
  return { from: search.get('from') ?? '', to: search.get('to') ?? '', officeCode: search.get('officeCode') ?? '', agency: search.get('agency') ?? '' };
}

/** The filters a figure understands, in its route's query; empty ones are left out (the server's defaults apply). */
export function figureQuery(name: FigureName, filters: DashboardFilters, extra: Record<string, string> = {}): string {
  const customs = (customsFigures as readonly string[]).includes(name);
  const entries: [string, string][] = [
    ['from', filters.from],
    ['to', filters.to],
    customs ? ['officeCode', filters.officeCode] : ['agency', filters.agency],
    ...Object.entries(extra),
  ];
  return new URLSearchParams(entries.filter(([, value]) => value !== '')).toString();
}

/** The search of the page's address: every filter set. */
export function searchFromFilters(filters: DashboardFilters): URLSearchParams {
  return new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** Who sees the customs figures, as the server's `oversight.customs` decides: Customs staff and national roles. */
export function seesCustoms(user: SessionUser): boolean {
  return user.roles.some(
    (r) => r.role === 'auditor' || r.role === 'platform_admin' || ((r.role === 'officer' || r.role === 'agency_admin') && (r.agencyId === null || r.agencyCode === 'CUSTOMS')),
  );
}

/** Who sees the licence and procedure figures (`oversight.agency`): every agency's staff their own, national roles all. */
export function seesAgencies(user: SessionUser): boolean {
  return user.roles.some((r) => ['auditor', 'platform_admin', 'officer', 'agency_admin'].includes(r.role));
}

/** A duration in seconds as the reader says it: minutes, hours and minutes, or days and hours. */
export function durationParts(seconds: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.round(seconds / 60);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
