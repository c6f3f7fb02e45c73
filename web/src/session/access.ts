import type { Role, RoleAssignment, SessionUser } from '../api/types';

/**
 * The shell's sections and the roles that open each of them. This only decides what the
 * navigation shows; the server enforces the same rules on every API call.
 */
export type SectionId = 'applicant' | 'backOffice' | 'finance' | 'administration' | 'exchange' | 'archive' | 'audit' | 'customs' | 'declarations' | 'oversight';

export interface Section {
  id: SectionId;
  path: string;
  roles: readonly Role[];
  /** Only grants for these agencies (or national ones) open it, as an agency-scoped permission decides. */
  agencies?: readonly string[];
  /** Only an account acting for a company opens it (the server lodges as that company). */
  needsCompany?: boolean;
}

export const sections: readonly Section[] = [
  { id: 'applicant', path: '/portal', roles: ['applicant'] },
  { id: 'backOffice', path: '/back-office', roles: ['officer', 'agency_admin', 'cashier'] },
  // Reconciliation for accountants; the ledger's balances for agency administrators too.
  { id: 'finance', path: '/finance', roles: ['accountant', 'agency_admin'] },
  { id: 'administration', path: '/admin', roles: ['agency_admin', 'platform_admin'] },
  // The interconnection console: the platform administrator manages it, the auditor reads it (exchange.read).
  { id: 'exchange', path: '/exchange', roles: ['platform_admin', 'auditor'] },
  // The archive console: archivists keep the records (archive.read, .retention, .manage), platform administrators read them,
  // and agency administrators and platform administrators decide disposition proposals (archive.approve_disposal).
  { id: 'archive', path: '/archive', roles: ['archivist', 'agency_admin', 'platform_admin'] },
  { id: 'audit', path: '/audit', roles: ['auditor'] },
  // The customs officers' queues and inspections (customs.work: officers and administrators of Customs).
  { id: 'customs', path: '/customs', roles: ['officer', 'agency_admin'], agencies: ['CUSTOMS'] },
  // Lodging and following declarations (customs.declare: a broker or trader acting for its company).
  { id: 'declarations', path: '/declarations', roles: ['applicant'], needsCompany: true },
  // The dashboards (oversight.customs, oversight.agency): every agency's staff, auditors and platform administrators; the server scopes each figure.
  { id: 'oversight', path: '/oversight', roles: ['officer', 'agency_admin', 'auditor', 'platform_admin'] },
];

export const accountSecurityPath = '/account/security';
/** Messages the platform sent the signed-in person (e-mails kept in the local outbox in the demo). */
export const messagesPath = '/messages';
/** The public page where anyone checks a document the platform issued (no sign-in). */
export const verifyPath = '/verify';
/** The archives' public reading room: anyone searches the public records (no sign-in). */
export const archiveSearchPath = '/archive/search';

export function section(id: SectionId): Section {
  const found = sections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`Unknown section ${id}`);
  return found;
}

/** The assignments that open a section: their agencies are the ones the section works for. */
export function assignmentsFor(user: SessionUser, id: SectionId): RoleAssignment[] {
  const { roles, agencies } = section(id);
  return user.roles.filter(
    (assignment) =>
      roles.includes(assignment.role) &&
      (!agencies || assignment.agencyId === null || (assignment.agencyCode !== null && agencies.includes(assignment.agencyCode))),
  );
}

export function canOpen(user: SessionUser, id: SectionId): boolean {
  if (section(id).needsCompany && user.company === null) return false;
  return assignmentsFor(user, id).length > 0;
}

export function openSections(user: SessionUser): Section[] {
  return sections.filter((candidate) => canOpen(user, candidate.id));
}

/** Staff are everyone who holds a role other than applicant; they enrol a second factor. */
export function isStaff(user: SessionUser): boolean {
  return user.roles.some((assignment) => assignment.role !== 'applicant');
}
