import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/database.ts';
import type { Principal } from './policy.ts';
import { isStaff, type RoleGrant } from './roles.ts';
import { parseApiKey, sameSecret, sha256Hex } from './tokens.ts';

export interface SessionPrincipal {
  principal: Principal;
  sessionId: string;
  csrfToken: string;
}

/**
 * The signed-in user behind a session cookie token, or null when unknown, expired or disabled.
 * Every API request pays for this, so it is one query, grants included.
 */
export async function principalFromSession(db: Db, token: string, staffTotpRequired: boolean): Promise<SessionPrincipal | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sessionId', 'sessions.csrf_token', 'users.id', 'users.display_name', 'users.email', 'users.company_id', 'users.totp_secret'])
    .select((eb) =>
      jsonArrayFrom(eb.selectFrom('role_grants').select(['role_grants.role', 'role_grants.agency_id']).whereRef('role_grants.user_id', '=', 'users.id')).as('grants'),
    )
    .where('sessions.id', '=', sha256Hex(token))
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const grants: RoleGrant[] = row.grants.map((g) => ({ role: g.role, agencyId: g.agency_id }));
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
