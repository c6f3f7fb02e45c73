/** Shapes of the server's JSON, mirroring its response schemas (served as OpenAPI at `/docs`). */

export type Language = 'fr' | 'ar' | 'en';

export type Role =
  | 'applicant'
  | 'officer'
  | 'agency_admin'
  | 'platform_admin'
  | 'archivist'
  | 'auditor'
  | 'cashier'
  | 'accountant';

export interface RoleAssignment {
  role: Role;
  /** Null for national roles (platform administrator, national auditor, citizen applicant). */
  agencyId: string | null;
  agencyCode: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: Language;
  roles: RoleAssignment[];
  company: { taxId: string; name: string } | null;
  totpEnabled: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Agency {
  id: string;
  code: string;
  names: Record<Language, string>;
}

/** The one error shape of the API: `{ error: { code, message, details } }`, message translated. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

/** A role held for one agency, or nationally (agencyId null), as the administration API writes it. */
export interface RoleGrant {
  role: Role;
  agencyId: string | null;
}

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  grants: RoleGrant[];
}

export interface NewStaffAccount {
  email: string;
  displayName: string;
  password: string;
  locale: Language;
  grants: RoleGrant[];
}

/** A machine client; its key is known only by its prefix, except once in `CreatedApiClient`. */
export interface ApiClient extends RoleGrant {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedApiClient extends ApiClient {
  key: string;
}

/** An outbox delivery that used up its attempts. */
export interface DeadLetter {
  id: number;
  eventId: number;
  topic: string;
  subscriber: string;
  attempts: number;
  lastError: string | null;
  payload: unknown;
  emittedAt: string;
}

export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actor: { type: string; id: string | null; label: string };
  agencyId: string | null;
  action: string;
  record: { type: string; id: string | null };
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  /** Null for the second or so between the entry's commit and its chaining. */
  hash: string | null;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  lastSeq: number;
  lastHash: string;
  problem?: { kind: string; seq: number; message: string };
}

/** `details` of a `validation_failed` refusal: one translated message per offending field. */
export interface FieldProblem {
  path: string;
  keyword: string;
  message: string;
}
