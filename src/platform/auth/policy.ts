import { AppError, forbidden, forbiddenAgency } from '../http/errors.ts';
import { ROLES, type Role, type RoleGrant } from './roles.ts';

/**
 * Every permission the platform knows, with the roles that hold it and how far it reaches:
 * `national` — the role alone decides; `agency` — the grant must be for the record's agency, or
 * national (agencyId null); `self` — any signed-in account, on its own records.
 * This table is the one place authorisation is decided; routes and services only name a permission.
 */
export const PERMISSIONS = {
  'session.self': { roles: ROLES, scope: 'self' },
  'audit.read': { roles: ['auditor'], scope: 'national' },
  'users.read': { roles: ['platform_admin', 'agency_admin'], scope: 'agency' },
  'users.manage': { roles: ['platform_admin', 'agency_admin'], scope: 'agency' },
  'api_clients.manage': { roles: ['platform_admin', 'agency_admin'], scope: 'agency' },
  'operations.manage': { roles: ['platform_admin'], scope: 'national' },
  'catalogue.publish': { roles: ['platform_admin', 'agency_admin'], scope: 'agency' },
  /** File, fill in and submit one's own applications (services check ownership). */
  'applications.file': { roles: ['applicant'], scope: 'national' },
  /** Open a file, take a workflow action, comment: services decide from the file who may (owner, company, agency staff). */
  'applications.access': { roles: ['applicant', 'officer', 'agency_admin', 'cashier'], scope: 'national' },
  /** Work the back-office queue of an agency: list, claim, release. */
  'cases.work': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** Pay one's own file's fee online (services check the payer owns the file or shares its company). */
  'payments.pay': { roles: ['applicant'], scope: 'national' },
  /** Record a fee paid in cash at an agency's payment desk. */
  'payments.record_counter': { roles: ['cashier'], scope: 'national' },
  /** Give back a fee paid to the agency. */
  'payments.refund': { roles: ['agency_admin'], scope: 'agency' },
  /** Import the providers' statements and read the reconciliation reports; also reads every ledger account. */
  'payments.reconcile': { roles: ['accountant'], scope: 'national' },
  /** Read ledger balances: the accountant every account, an agency administrator the agency's own. */
  'payments.ledger': { roles: ['accountant', 'agency_admin'], scope: 'agency' },
  /** Revoke a document the agency issued (with a reason, audited). */
  'documents.revoke': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** List and rotate the agency's document-signing keys. */
  'keys.manage': { roles: ['platform_admin', 'agency_admin'], scope: 'agency' },
  /** Register the interconnection layer's members, their keys, services and access rights. */
  'exchange.manage': { roles: ['platform_admin'], scope: 'national' },
  /** Read the interconnection registry in full (retired and revoked keys, suspended members). */
  'exchange.read': { roles: ['platform_admin', 'auditor'], scope: 'national' },
  /** Send what the agency issued or declared to a federated country's customs; ask again whether a document received still holds. */
  'crossborder.handle': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** Read the documents federated countries sent to the agency (every agency's, for national roles). */
  'crossborder.read': { roles: ['officer', 'agency_admin', 'platform_admin', 'auditor'], scope: 'agency' },
  /** Call or message another member's service as one's own agency (its information systems hold API keys for this). */
  'exchange.send': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** Read the customs reference data: HS search, tariff lines and versions, countries, currencies, offices, exchange rates. */
  'customs.reference.read': { roles: ROLES, scope: 'national' },
  /** Publish exchange rates (tariff versions are imported with `guichet tariff import`). */
  'customs.reference.manage': { roles: ['platform_admin'], scope: 'national' },
  /** Maintain the regulatory matrix (which goods need which agency's document); the customs administration's. */
  'customs.matrix.manage': { roles: ['platform_admin', 'agency_admin'], scope: 'agency' },
  /** Lodge, amend and follow declarations as a broker or a trader declaring for its own company. */
  'customs.declare': { roles: ['applicant'], scope: 'national' },
  /** Work the customs queues: read declarations, record inspections, reject, release. */
  'customs.work': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** Read the port's cargo manifests, their matches to declarations, discrepancies and gate-out decisions (customs staff). */
  'customs.manifests.read': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** Upload a cargo manifest (JSON or CUSCAR) on behalf of the port community system (customs staff). */
  'customs.manifests.upload': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** Request one's own vehicle temporary-admission passes and declare the foreign currency one carries. */
  'passengers.travel': { roles: ['applicant'], scope: 'national' },
  /** At the border: scan travellers' passes and declarations, record vehicles' entry and exit, list overdue vehicles (customs staff). */
  'passengers.border': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** Import the old customs system's declarations (CSV export, CUSDEC) during migration (customs staff). */
  'legacy.import': { roles: ['officer', 'agency_admin'], scope: 'agency' },
  /** Read the imported legacy declarations and the import runs' reports (customs staff; auditors nationally). */
  'legacy.read': { roles: ['officer', 'agency_admin', 'auditor'], scope: 'agency' },
  /** Read the customs dashboards (volumes, clearance time, revenue, new vs legacy, risk): the customs administration's staff, auditors, platform administrators. */
  'oversight.customs': { roles: ['officer', 'agency_admin', 'auditor', 'platform_admin'], scope: 'agency' },
  /** Read the licence-usage and procedure dashboards: a ministry's staff their own agency's, national roles every agency's. */
  'oversight.agency': { roles: ['officer', 'agency_admin', 'auditor', 'platform_admin'], scope: 'agency' },
  /** Read the archive's packages (files, checksums, PREMIS events) and fixity reports: an agency's archivists their agency's, the National Archives' and platform administrators all. */
  'archive.read': { roles: ['archivist', 'platform_admin'], scope: 'agency' },
  /** Search the archive and read what one may see: public records, one's agencies' restricted ones (archive.read), confidential ones (own agency's archivist), those an access request granted. */
  'archive.search': { roles: ROLES, scope: 'self' },
  /** Ask to read a restricted record (any signed-in person, with a reason). */
  'archive.request': { roles: ROLES, scope: 'self' },
  /** Set the access level of the agency's records and decide access requests on them: the producing agency's archivist. */
  'archive.manage': { roles: ['archivist'], scope: 'agency' },
  /** Ingest scanned paper records (batches of PDF, TIFF, JPEG, PNG with OCR): an agency's archivists its own records, the National Archives' any agency's. */
  'archive.ingest': { roles: ['archivist'], scope: 'agency' },
  /** Place and lift legal holds, propose packages for disposition: an agency's archivists their agency's, the National Archives' all. */
  'archive.retention': { roles: ['archivist'], scope: 'agency' },
  /** Approve or refuse a disposition proposal (the disposal authority): the producing agency's administrator, or a platform administrator. */
  'archive.approve_disposal': { roles: ['agency_admin', 'platform_admin'], scope: 'agency' },
} as const satisfies Record<string, { roles: readonly Role[]; scope: 'national' | 'agency' | 'self' }>;

export type Permission = keyof typeof PERMISSIONS;

/** Who is asking: a signed-in person or a machine client holding an API key. */
export interface Principal {
  kind: 'user' | 'api_client';
  id: string;
  label: string;
  grants: readonly RoleGrant[];
  companyId: string | null;
  /** Staff who must enrol a second factor before doing anything else. */
  mfaPending: boolean;
}

export type Decision =
  | { allowed: true; grant: RoleGrant | null }
  | { allowed: false; reason: 'role' | 'agency' | 'mfa' };

/**
 * Decides whether `principal` may use `permission`, on a record of `target.agencyId` when given.
 * Without a target (the route-level check) an agency-scoped permission is allowed when some grant
 * could allow it; the service then checks again against the record it loaded.
 */
export function authorise(principal: Principal, permission: Permission, target?: { agencyId: string | null }): Decision {
  const rule = PERMISSIONS[permission];
  if (principal.mfaPending && permission !== 'session.self') return { allowed: false, reason: 'mfa' };
  // `self` means a person's own account: a machine client has none.
  if (rule.scope === 'self') return principal.kind === 'user' ? { allowed: true, grant: null } : { allowed: false, reason: 'role' };
  const allowedRoles: readonly Role[] = rule.roles;
  const holding = principal.grants.filter((g) => allowedRoles.includes(g.role));
  if (holding.length === 0) return { allowed: false, reason: 'role' };
  if (rule.scope === 'national' || target === undefined) return { allowed: true, grant: holding[0] ?? null };
  const grant = holding.find((g) => g.agencyId === null || g.agencyId === target.agencyId);
  return grant ? { allowed: true, grant } : { allowed: false, reason: 'agency' };
}

/** Throws the matching 403 when `authorise` refuses. */
export function assertAllowed(principal: Principal, permission: Permission, target?: { agencyId: string | null }): void {
  const decision = authorise(principal, permission, target);
  if (decision.allowed) return;
  if (decision.reason === 'mfa') throw new AppError(403, 'totp_enrolment_required');
  throw decision.reason === 'agency' ? forbiddenAgency() : forbidden(permission);
}

/** The agencies a principal may act on under a permission; null means all of them. */
export function agencyScope(principal: Principal, permission: Permission): string[] | null {
  const rule = PERMISSIONS[permission];
  if (rule.scope !== 'agency') return null;
  const allowedRoles: readonly Role[] = rule.roles;
  const holding = principal.grants.filter((g) => allowedRoles.includes(g.role));
  if (holding.some((g) => g.agencyId === null)) return null;
  return holding.map((g) => g.agencyId).filter((id): id is string => id !== null);
}
