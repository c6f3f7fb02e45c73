import canonicalize from 'canonicalize';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ed25519PublicJwk, keyViewOf, memberKid } from './members-keys.ts';
import { findMember, insertMember, type MemberView } from './members.ts';
import type { MemberKind } from './schema.ts';

/**
 * Members this instance does not serve but learns from a federated partner's signed configuration
 * (docs/federation.md): registered, kept in step and suspended by the federation, never by hand.
 * Everything runs in the caller's transaction and is audited under the exchange's own actions.
 */

export interface MirroredMember {
  identifier: string;
  kind: MemberKind;
  names: LocalisedText;
  /** Where the partner instance answers for it. */
  endpoint: string;
  /** The member's active keys as the partner publishes them; any other key of the member is revoked here. */
  keys: { kid: string; jwk: unknown }[];
}

export interface MirrorResult {
  member: MemberView;
  /** Whether anything was written (and audited). */
  changed: boolean;
  /** Keys left out, each with why: not an Ed25519 public key, filed under another kid, another member's. */
  problems: string[];
}

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);

async function alignMember(trx: Trx, context: ChangeContext, wanted: MirroredMember, federation: string): Promise<{ member: MemberView; changed: boolean }> {
  const inserted = await insertMember(trx, context, { identifier: wanted.identifier, kind: wanted.kind, names: wanted.names, endpoint: wanted.endpoint });
  if (inserted) return { member: inserted, changed: true };
  const before = await findMember(trx, wanted.identifier);
  const wake = before.status === 'suspended';
  if (same(before.names, wanted.names) && before.endpoint === wanted.endpoint && before.kind === wanted.kind && !wake) return { member: before, changed: false };
  await trx
    .updateTable('exchange_members')
    .set({ names: jsonb(wanted.names), endpoint: wanted.endpoint, kind: wanted.kind, ...(wake ? { status: 'active' as const } : {}) })
    .where('id', '=', before.id)
    .execute();
  const after = await findMember(trx, before.id);
  await recordAudit(trx, context, { action: wake ? 'exchange.member_reactivated' : 'exchange.member_updated', recordType: 'exchange_member', recordId: after.id, before, after, details: { federation } });
  return { member: after, changed: true };
}

function publishedKey(raw: { kid: string; jwk: unknown }): { kid: string; jwk: ReturnType<typeof ed25519PublicJwk> } | string {
  try {
    const jwk = ed25519PublicJwk(raw.jwk);
    return memberKid(jwk) === raw.kid ? { kid: raw.kid, jwk } : `key ${raw.kid} is not its RFC 7638 thumbprint`;
  } catch (error) {
    return `key ${raw.kid}: ${error instanceof AppError ? String(error.params.reason) : 'unreadable'}`;
  }
}

/**
 * Registers or updates one mirrored member and brings its keys to the published set: new keys are
 * added, keys no longer published are revoked (the partner may have revoked them, and the
 * configuration does not say which were merely retired). A revoked key stays revoked. A suspended
 * member becomes active again: it is published by a partner the instance federates with.
 */
export async function mirrorMember(trx: Trx, context: ChangeContext, wanted: MirroredMember, options: { federation: string }): Promise<MirrorResult> {
  let { member, changed } = await alignMember(trx, context, wanted, options.federation);
  const problems: string[] = [];
  const held = await trx.selectFrom('exchange_member_keys').selectAll().where('member_id', '=', member.id).execute();
  const published = new Set<string>();
  for (const raw of wanted.keys) {
    const key = publishedKey(raw);
    if (typeof key === 'string') {
      problems.push(key);
      continue;
    }
    published.add(key.kid);
    if (held.some((k) => k.kid === key.kid)) continue;
    const inserted = await trx
      .insertInto('exchange_member_keys')
      .values({ kid: key.kid, member_id: member.id, public_jwk: jsonb(key.jwk) })
      .onConflict((oc) => oc.column('kid').doNothing())
      .returningAll()
      .executeTakeFirst();
    // The same key under another member: a partner cannot take over a key it does not hold alone.
    if (!inserted) {
      problems.push(`key ${key.kid} belongs to another member`);
      continue;
    }
    changed = true;
    await recordAudit(trx, context, { action: 'exchange.key_added', recordType: 'exchange_member_key', recordId: key.kid, after: keyViewOf(inserted), details: { member: member.identifier, federation: options.federation } });
  }
  for (const old of held.filter((k) => k.status !== 'revoked' && !published.has(k.kid))) {
    changed = true;
    await revokeKey(trx, context, old, member.identifier, `no longer in the configuration of ${options.federation}`, options.federation);
  }
  if (changed) member = await findMember(trx, member.id);
  return { member, changed, problems };
}

type HeldKey = Parameters<typeof keyViewOf>[0];

async function revokeKey(trx: Trx, context: ChangeContext, key: HeldKey, member: string, reason: string, federation: string): Promise<void> {
  const updated = await trx
    .updateTable('exchange_member_keys')
    .set({ status: 'revoked', revoked_at: new Date(), revocation_reason: reason })
    .where('kid', '=', key.kid)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, context, {
    action: 'exchange.key_revoked',
    recordType: 'exchange_member_key',
    recordId: key.kid,
    before: keyViewOf(key),
    after: keyViewOf(updated),
    details: { member, reason, federation },
  });
}

/** Suspends mirrored members: their keys stop verifying, they neither call nor answer. Returns how many were active. */
export async function suspendMirroredMembers(trx: Trx, context: ChangeContext, memberIds: readonly string[], federation: string): Promise<number> {
  if (memberIds.length === 0) return 0;
  const suspended = await trx.updateTable('exchange_members').set({ status: 'suspended' }).where('id', 'in', [...memberIds]).where('status', '=', 'active').returning('id').execute();
  for (const { id } of suspended) {
    const after = await findMember(trx, id);
    await recordAudit(trx, context, { action: 'exchange.member_suspended', recordType: 'exchange_member', recordId: id, before: { ...after, status: 'active' }, after, details: { federation } });
  }
  return suspended.length;
}
