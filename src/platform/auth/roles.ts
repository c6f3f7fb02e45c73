export const ROLES = ['applicant', 'officer', 'agency_admin', 'platform_admin', 'archivist', 'auditor', 'cashier', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

/** A role held for one agency, or nationally when agencyId is null (platform administrators, auditors). */
export interface RoleGrant {
  role: Role;
  agencyId: string | null;
}

/** Staff are every role but applicant: they work inside an administration and need a second factor. */
export const isStaffRole = (role: Role) => role !== 'applicant';
export const isStaff = (grants: readonly RoleGrant[]) => grants.some((g) => isStaffRole(g.role));

/** Roles exercised inside one agency; the others (applicant, platform_admin, auditor) are national. */
const AGENCY_ROLES: readonly Role[] = ['officer', 'agency_admin', 'archivist', 'cashier', 'accountant'];
export const roleNeedsAgency = (role: Role) => AGENCY_ROLES.includes(role);
