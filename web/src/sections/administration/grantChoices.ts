import type { Agency, Role, RoleGrant, SessionUser } from '../../api/types';
import { assignmentsFor } from '../../session/access';

/** Roles exercised inside one agency; the other staff roles are national (server: roles.ts). */
const agencyRoles: readonly Role[] = ['officer', 'agency_admin', 'archivist', 'cashier', 'accountant'];
const nationalStaffRoles: readonly Role[] = ['platform_admin', 'auditor'];

export function roleNeedsAgency(role: Role): boolean {
  return agencyRoles.includes(role);
}

export interface GrantChoices {
  roles: readonly Role[];
  agencies: readonly Agency[];
}

/**
 * What an administrator may grant, to a staff account or a machine client. A national grant
 * (platform administrator) reaches every role and agency; an agency administrator grants only
 * agency roles, in their own agencies. The server decides the same (policy.ts, `users.manage`,
 * `api_clients.manage`); this only keeps out of the form what it would refuse.
 */
export function grantChoices(user: SessionUser, agencies: readonly Agency[]): GrantChoices {
  const assignments = assignmentsFor(user, 'administration');
  if (assignments.some((assignment) => assignment.agencyId === null)) {
    return { roles: [...agencyRoles, ...nationalStaffRoles], agencies };
  }
  const own = new Set(assignments.map((assignment) => assignment.agencyId));
  return { roles: agencyRoles, agencies: agencies.filter((agency) => own.has(agency.id)) };
}

/** A grant as the form holds it: an agency is kept while another role is tried, sent only if needed. */
export interface GrantDraft {
  role: Role;
  agencyId: string;
}

export function draftGrant(choices: GrantChoices): GrantDraft {
  const role = choices.roles[0] ?? 'officer';
  // With a single agency to choose from, it is chosen already.
  const agencyId = choices.agencies.length === 1 ? (choices.agencies[0]?.id ?? '') : '';
  return { role, agencyId };
}

export function toGrant(draft: GrantDraft): RoleGrant {
  return { role: draft.role, agencyId: roleNeedsAgency(draft.role) ? draft.agencyId : null };
}

/** Whether the administrator covers every agency: only then is there an agency to filter by. */
export function isNationalAdministrator(user: SessionUser): boolean {
  return assignmentsFor(user, 'administration').some((assignment) => assignment.agencyId === null);
}
