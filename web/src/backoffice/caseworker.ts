import type { RoleAssignment, SessionUser } from '../api/types';

/**
 * Case officers and agency administrators work on files (docs/applications.md, "Who sees
 * what"); a cashier opens the back office for counter payments only. The server decides again
 * on every call; this only shapes the screens.
 */
function caseworkerGrants(user: SessionUser): RoleAssignment[] {
  return user.roles.filter((assignment) => assignment.role === 'officer' || assignment.role === 'agency_admin');
}

export function isCaseworker(user: SessionUser): boolean {
  return caseworkerGrants(user).length > 0;
}

/** The agency codes whose files the user works on; null for a national grant (every agency). */
export function caseworkerAgencies(user: SessionUser): string[] | null {
  const grants = caseworkerGrants(user);
  if (grants.some((grant) => grant.agencyId === null)) return null;
  return [...new Set(grants.map((grant) => grant.agencyCode).filter((code): code is string => code !== null))];
}

/** Whether the user works for the agency holding a file now (and so may claim it). */
export function worksFor(user: SessionUser, agencyCode: string): boolean {
  const agencies = caseworkerAgencies(user);
  return agencies === null || agencies.includes(agencyCode);
}

/** An agency administrator of the holding agency may give back a file its claimant left (someone absent). */
export function administers(user: SessionUser, agencyCode: string): boolean {
  return user.roles.some((grant) => grant.role === 'agency_admin' && (grant.agencyId === null || grant.agencyCode === agencyCode));
}

/** A cashier records fees paid at the desk (until online payment takes most of them). */
export function isCashier(user: SessionUser): boolean {
  return user.roles.some((assignment) => assignment.role === 'cashier');
}
