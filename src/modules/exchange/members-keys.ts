import { createPublicKey } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import { jsonb } from '../../platform/db/json.ts';
import { AppError, conflict, fieldError } from '../../platform/http/errors.ts';
import { jwkThumbprint, type OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import { findMember } from './members.ts';
import type { MemberKeyStatus } from './schema.ts';

export interface MemberKeyView {
  kid: string;
  memberId: string;
  jwk: OkpPublicJwk;
  status: MemberKeyStatus;
  createdAt: string;
  retiredAt: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
}

/** 32 bytes in base64url without padding (RFC 8037 §2). */
const ED25519_X = /^[A-Za-z0-9_-]{43}$/;

/**
 * Accepts only an Ed25519 public JWK (RFC 8037 §2): kty OKP, crv Ed25519, a 32-byte x, and no
 * private part — a member that sends its `d` has leaked its key, and the registry must not keep it.
 */
export function ed25519PublicJwk(raw: unknown): OkpPublicJwk {
  const jwk = (raw ?? {}) as Record<string, unknown>;
  const refuse = (reason: string) => fieldError(400, 'invalid_public_key', '/jwk', { reason });
  if (typeof raw !== 'object' || Array.isArray(raw)) throw refuse('not a JWK object');
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw refuse('kty must be OKP and crv Ed25519');
  if ('d' in jwk) throw refuse('a private key was sent');
  if (typeof jwk.x !== 'string' || !ED25519_X.test(jwk.x)) throw refuse('x must be 32 bytes in base64url');
  const key: OkpPublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  try {
    createPublicKey({ key: { ...key }, format: 'jwk' });
  } catch {
    throw refuse('x is not an Ed25519 public key');
  }
  return key;
}

/**
 * The full RFC 7638 thumbprint (SHA-256, base64url): keys of every member share one namespace,
 * so the registry keeps all 256 bits rather than the 64 the document-signing kid keeps.
 */
export const memberKid = (jwk: OkpPublicJwk): string => jwkThumbprint(jwk).toString('base64url');

async function keyRow(db: Db, memberId: string, kid: string) {
  const row = await db.selectFrom('exchange_member_keys').selectAll().where('kid', '=', kid).where('member_id', '=', memberId).executeTakeFirst();
  if (!row) throw new AppError(404, 'key_not_found', { kid });
  return row;
}

type KeyRow = Awaited<ReturnType<typeof keyRow>>;

export const keyViewOf = (row: KeyRow): MemberKeyView => ({
  kid: row.kid,
  memberId: row.member_id,
  jwk: row.public_jwk,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  retiredAt: row.retired_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
  revocationReason: row.revocation_reason,
});

export async function listMemberKeys(db: Db, memberId: string): Promise<MemberKeyView[]> {
  const rows = await db.selectFrom('exchange_member_keys').selectAll().where('member_id', '=', memberId).orderBy('created_at').execute();
  return rows.map(keyViewOf);
}

export async function addMemberKey(db: Db, context: ChangeContext, memberId: string, raw: unknown): Promise<MemberKeyView> {
  const jwk = ed25519PublicJwk(raw);
  const member = await findMember(db, memberId);
  const kid = memberKid(jwk);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('exchange_member_keys')
      .values({ kid, member_id: member.id, public_jwk: jsonb(jwk) })
      .onConflict((oc) => oc.column('kid').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) throw conflict('key_exists', { kid });
    const key = keyViewOf(inserted);
    await recordAudit(trx, context, { action: 'exchange.key_added', recordType: 'exchange_member_key', recordId: kid, after: key, details: { member: member.identifier } });
    return key;
  });
}

/**
 * Retiring stops a key from signing new messages but keeps it for verifying the ones it signed;
 * revoking says it must no longer be trusted at all (compromise), with the reason on record.
 */
export async function endMemberKey(db: Db, context: ChangeContext, memberId: string, kid: string, end: { revoke: false } | { revoke: true; reason: string }): Promise<MemberKeyView> {
  const member = await findMember(db, memberId);
  const before = keyViewOf(await keyRow(db, member.id, kid));
  if (before.status === 'revoked') throw conflict('key_revoked', { kid });
  if (!end.revoke && before.status === 'retired') return before;
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const updated = await trx
      .updateTable('exchange_member_keys')
      .set(end.revoke ? { status: 'revoked', revoked_at: now, revocation_reason: end.reason } : { status: 'retired', retired_at: now })
      .where('kid', '=', kid)
      .where('status', '=', before.status)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict('key_revoked', { kid });
    const after = keyViewOf(updated);
    await recordAudit(trx, context, {
      action: end.revoke ? 'exchange.key_revoked' : 'exchange.key_retired',
      recordType: 'exchange_member_key',
      recordId: kid,
      before,
      after,
      details: { member: member.identifier, ...(end.revoke ? { reason: end.reason } : {}) },
    });
    return after;
  });
}
