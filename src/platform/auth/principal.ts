import type { Db } from '../db/database.ts';
import type { Principal } from './policy.ts';
import { isStaff, type RoleGrant } from './roles.ts';
import { parseApiKey, sameSecret, sha256Hex } from './tokens.ts';

export interface SessionPrincipal {
  principal: Principal;
  sessionId: string;
  csrfToken: string;
}

async function grantsOf(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom('role_grants').select(['role', 'agency_id']).where('user_id', '=', userId).execute();
  return rows.map((r) => ({ role: r.role, agencyId: r.agency_id }));
}

/** The signed-in user behind a session cookie token, or null when unknown, expired or disabled. */
export async function principalFromSession(db: Db, token: string, staffTotpRequired: boolean): Promise<SessionPrincipal | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sessionId', 'sessions.csrf_token', 'users.id', 'users.display_name', 'users.email', 'users.company_id', 'users.totp_secret'])
    .where('sessions.id', '=', sha256Hex(token))
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const grants = await grantsOf(db, row.id);
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrf_token,
    principal: {
      kind: 'user',
      id: row.id,
      label: `${row.display_name} <${row.email}>`,
      grants,
      companyId: row.company_id,
      mfaPending: staffTotpRequired && isStaff(grants) && row.totp_secret === null,
    },
  };
}

/** The machine client behind an API key, or null when the key is malformed, unknown or revoked. */
export async function principalFromApiKey(db: Db, key: string): Promise<Principal | null> {
  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const row = await db
    .selectFrom('api_clients')
    .selectAll()
    .where('key_prefix', '=', parsed.prefix)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !sameSecret(row.key_hash, parsed.secretHash)) return null;
  return {
    kind: 'api_client',
    id: row.id,
    label: `api:${row.name}`,
    grants: [{ role: row.role, agencyId: row.agency_id }],
    companyId: null,
    mfaPending: false,
  };
}
