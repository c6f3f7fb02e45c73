import type { ColumnType, Generated } from 'kysely';

/** A nullable column that inserts may leave out (it then defaults to null). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
import type { Role } from './roles.ts';

export interface LocalisedText {
  fr: string;
  ar: string;
  en: string;
}

export interface AgenciesTable {
  id: Generated<string>;
  code: string;
  names: ColumnType<LocalisedText, unknown, unknown>;
  created_at: Generated<Date>;
}

export interface CompaniesTable {
  id: Generated<string>;
  tax_id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  locale: string;
  /** A business applicant acts for this company. */
  company_id: Optional<string>;
  /** TOTP secret sealed with the server key (see crypto/secret-box.ts). */
  totp_secret: Optional<string>;
  totp_pending_secret: Optional<string>;
  /** Last accepted TOTP time step: a code is good once (RFC 6238 §5.2). */
  totp_last_step: Optional<number>;
  failed_logins: Generated<number>;
  locked_until: Optional<Date>;
  disabled_at: Optional<Date>;
  created_at: Generated<Date>;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  agency_id: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database row cannot be replayed as a cookie. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  ip: Optional<string>;
}

export interface ApiClientsTable {
  id: Generated<string>;
  name: string;
  role: Role;
  agency_id: string | null;
  /** Public part of the key, shown in lists and used to find the row. */
  key_prefix: string;
  /** SHA-256 of the secret part (high-entropy, so a fast hash is sound). */
  key_hash: string;
  created_by: Optional<string>;
  created_at: Generated<Date>;
  revoked_at: Optional<Date>;
}

export interface IdentityTables {
  agencies: AgenciesTable;
  companies: CompaniesTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  api_clients: ApiClientsTable;
}
