import { createPublicKey, type KeyObject } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Db } from '../../platform/db/database.ts';
import { formatIdentifier, isSubsystem, memberOf, parseIdentifier } from './identifiers.ts';
import type { MemberKeyStatus, MemberKind, MemberStatus } from './schema.ts';

export interface SnapshotMember {
  id: string;
  identifier: string;
  kind: MemberKind;
  status: MemberStatus;
  endpoint: string | null;
}

export interface SnapshotKey {
  kid: string;
  member: string;
  publicKey: KeyObject;
  status: MemberKeyStatus;
  /** Unix seconds; a retired key still verifies what was signed before. */
  retiredAt: number | null;
}

export interface SnapshotService {
  id: string;
  provider: string;
  code: string;
  version: string;
  validateRequest: ValidateFunction;
  validateResponse: ValidateFunction;
}

/**
 * The registry as the protocol reads it on every message: members, keys, services with their
 * compiled schemas, and access rights, loaded in four queries and kept for `ttlMs`. A change made
 * in this process invalidates it at once; one made by another process is seen within `ttlMs`.
 */
export interface RegistrySnapshot {
  member(identifier: string): SnapshotMember | undefined;
  key(kid: string): SnapshotKey | undefined;
  service(provider: string, code: string, version: string): SnapshotService | undefined;
  mayCall(client: string, service: SnapshotService): boolean;
}

/** `KD/GOV/COMMERCE/licences` → itself, then `KD/GOV/COMMERCE`: what a subsystem is covered by. */
export function coveringIdentifiers(identifier: string): string[] {
  const parsed = parseIdentifier(identifier);
  if (!parsed.ok) return [];
  return isSubsystem(parsed.value) ? [identifier, formatIdentifier(memberOf(parsed.value))] : [identifier];
}

/** Whether a key verifies what was signed at `created` (Unix seconds): active, or retired after that. */
export const verifiesAt = (key: SnapshotKey, created: number) => key.status === 'active' || (key.status === 'retired' && key.retiredAt !== null && created < key.retiredAt);

const serviceKey = (provider: string, code: string, version: string) => `${provider}\u0000${code}\u0000${version}`;

/** Service versions are immutable (services.ts), so a schema compiled once serves every later snapshot. */
type Validators = Map<string, { validateRequest: ValidateFunction; validateResponse: ValidateFunction }>;

async function load(db: Db, compiled: Validators): Promise<RegistrySnapshot> {
  const [memberRows, keyRows, serviceRows, rightRows] = await Promise.all([
    db.selectFrom('exchange_members').select(['id', 'identifier', 'kind', 'status', 'endpoint']).execute(),
    db.selectFrom('exchange_member_keys').select(['kid', 'member_id', 'public_jwk', 'status', 'retired_at']).where('status', '!=', 'revoked').execute(),
    db.selectFrom('exchange_services').select(['id', 'member_id', 'code', 'version', 'request_schema', 'response_schema']).execute(),
    db.selectFrom('exchange_access_rights').select(['service_id', 'client_member_id']).execute(),
  ]);
  const membersById = new Map(memberRows.map((m) => [m.id, m]));
  const members = new Map<string, SnapshotMember>(memberRows.map((m) => [m.identifier, m]));
  const keys = new Map<string, SnapshotKey>();
  for (const row of keyRows) {
    const member = membersById.get(row.member_id);
    if (!member) continue;
    keys.set(row.kid, {
      kid: row.kid,
      member: member.identifier,
      publicKey: createPublicKey({ key: { ...row.public_jwk }, format: 'jwk' }),
      status: row.status,
      retiredAt: row.retired_at ? Math.floor(row.retired_at.getTime() / 1000) : null,
    });
  }
  const services = new Map<string, SnapshotService>();
  for (const row of serviceRows) {
    const provider = membersById.get(row.member_id)?.identifier;
    if (!provider) continue;
    let validators = compiled.get(row.id);
    if (!validators) {
      // Checked strictly at registration; here they only need compiling. One Ajv per service, so
      // schemas of different services never collide on an `$id`.
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      validators = { validateRequest: ajv.compile(row.request_schema), validateResponse: ajv.compile(row.response_schema) };
      compiled.set(row.id, validators);
    }
    services.set(serviceKey(provider, row.code, row.version), { id: row.id, provider, code: row.code, version: row.version, ...validators });
  }
  const rights = new Set(rightRows.map((r) => `${r.service_id}\u0000${membersById.get(r.client_member_id)?.identifier}`));
  return {
    member: (identifier) => members.get(identifier),
    key: (kid) => keys.get(kid),
    service: (provider, code, version) => services.get(serviceKey(provider, code, version)),
    mayCall(client, service) {
      const providerActive = members.get(service.provider)?.status === 'active';
      return providerActive && coveringIdentifiers(client).some((id) => members.get(id)?.status === 'active' && rights.has(`${service.id}\u0000${id}`));
    },
  };
}

export interface RegistryCache {
  get(): Promise<RegistrySnapshot>;
  invalidate(): void;
}

export function registryCache(db: Db, ttlMs: number): RegistryCache {
  let current: { snapshot: Promise<RegistrySnapshot>; loadedAt: number } | undefined;
  const compiled: Validators = new Map();
  return {
    get() {
      if (!current || Date.now() - current.loadedAt > ttlMs) {
        const snapshot = load(db, compiled);
        current = { snapshot, loadedAt: Date.now() };
        snapshot.catch(() => {
          current = undefined;
        });
      }
      return current.snapshot;
    },
    invalidate() {
      current = undefined;
    },
  };
}
