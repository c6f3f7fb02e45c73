/** Shapes of the server's JSON, mirroring its response schemas (served as OpenAPI at `/docs`). */

export type Language = 'fr' | 'ar' | 'en';

export type Role =
  | 'applicant'
  | 'officer'
  | 'agency_admin'
  | 'platform_admin'
  | 'archivist'
  | 'auditor'
  | 'cashier';

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
