import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import { listAccessRights } from './access-rights.ts';
import { findMember, listMembers, type MemberView } from './members.ts';
import type { MemberKeyStatus } from './schema.ts';
import { coveringIdentifiers } from './registry-snapshot.ts';
import { listServices, type ServiceView } from './services.ts';

export interface KeyLookup {
  member: MemberView;
  publicKey: KeyObject;
  /** The key's own status; a verifier also refuses a key of a suspended member (`member.status`). */
  status: MemberKeyStatus;
}

/** The key a message names by its kid, with whose it is: what the protocol verifies a signature with. */
export async function keyOf(db: Db, kid: string): Promise<KeyLookup | null> {
  const row = await db.selectFrom('exchange_member_keys').select(['member_id', 'public_jwk', 'status']).where('kid', '=', kid).executeTakeFirst();
  if (!row) return null;
  return { member: await findMember(db, row.member_id), publicKey: createPublicKey({ key: { ...row.public_jwk }, format: 'jwk' }), status: row.status };
}

/**
 * Whether `client` may call version `version` of `provider`'s service `serviceCode`: both members
 * active and an access right granted for that version. Anything not granted is refused.
 */
export async function mayCall(db: Db, client: string, provider: string, serviceCode: string, version: string): Promise<boolean> {
  const clients = coveringIdentifiers(client);
  const providers = coveringIdentifiers(provider);
  if (clients.length === 0 || providers.length === 0) return false;
  const right = await db
    .selectFrom('exchange_access_rights as r')
    .innerJoin('exchange_services as s', 's.id', 'r.service_id')
    .innerJoin('exchange_members as p', 'p.id', 's.member_id')
    .innerJoin('exchange_members as c', 'c.id', 'r.client_member_id')
    .select('s.id')
    .where('p.identifier', 'in', providers)
    .where('c.identifier', 'in', clients)
    .where('s.code', '=', serviceCode)
    .where('s.version', '=', version)
    .where('p.status', '=', 'active')
    .where('c.status', '=', 'active')
    .executeTakeFirst();
  return right !== undefined;
}

export interface Discovery {
  members: (Pick<MemberView, 'identifier' | 'kind' | 'names'> & { keys: { kid: string; jwk: OkpPublicJwk }[] })[];
  services: (ServiceView & { clients: string[] })[];
}

/**
 * What every member needs to talk to the others, as X-Road's global configuration: the active
 * members with their active keys, and the services of active members with who may call them.
 */
export async function discovery(db: Db): Promise<Discovery> {
  const members = (await listMembers(db)).filter((m) => m.status === 'active');
  const keys = await db
    .selectFrom('exchange_member_keys')
    .select(['member_id', 'kid', 'public_jwk'])
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
  const rights = await listAccessRights(db);
  const active = new Set(members.map((m) => m.identifier));
  const services = (await listServices(db)).filter((s) => active.has(s.provider));
  return {
    members: members.map((m) => ({
      identifier: m.identifier,
      kind: m.kind,
      names: m.names,
      keys: keys.filter((k) => k.member_id === m.id).map((k) => ({ kid: k.kid, jwk: k.public_jwk })),
    })),
    services: services.map((s) => ({ ...s, clients: rights.filter((r) => r.serviceId === s.id && active.has(r.client)).map((r) => r.client) })),
  };
}
