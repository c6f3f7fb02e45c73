import { createPublicKey, type KeyObject } from 'node:crypto';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import { memberKid } from '../../modules/exchange/members-keys.ts';
import { coveringIdentifiers } from '../../modules/exchange/registry-snapshot.ts';

/** The part of Guichet's public discovery (`GET /api/exchange/discovery`) a provider relies on. */
export interface DiscoveryDocument {
  members: { identifier: string; keys: { kid: string; jwk: OkpPublicJwk }[] }[];
  services: { provider: string; code: string; version: string; clients: string[] }[];
}

/**
 * Whom the register trusts, as discovery says: the active members, their active keys, and who was
 * granted which service version. As Guichet's own verifier has it, a caller is the most specific
 * member covering it (`KD/GOV/CUSTOMS/clearance` is `KD/GOV/CUSTOMS` unless registered itself) and
 * signs with that member's key; a right granted to a member covers its subsystems.
 */
export interface Trust {
  /** The member a caller speaks as, or undefined when none covers it. */
  memberOf(client: string): string | undefined;
  knowsKey(kid: string): boolean;
  /** The key named `kid` when it is `member`'s; undefined otherwise. */
  keyOf(kid: string, member: string): KeyObject | undefined;
  mayCall(client: string, provider: string, code: string, version: string): boolean;
}

const serviceKey = (provider: string, code: string, version: string) => `${provider}\u0000${code}\u0000${version}`;

function publicKeyOf(kid: string, jwk: OkpPublicJwk): KeyObject | undefined {
  // A key is filed only under its own thumbprint, so a document cannot pass one key off as another.
  if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || memberKid(jwk) !== kid) return undefined;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

export function trustOf(document: DiscoveryDocument): Trust {
  const members = new Set<string>();
  const keys = new Map<string, { member: string; publicKey: KeyObject }>();
  for (const member of document.members ?? []) {
    members.add(member.identifier);
    for (const { kid, jwk } of member.keys ?? []) {
      const publicKey = publicKeyOf(kid, jwk);
      if (publicKey) keys.set(kid, { member: member.identifier, publicKey });
    }
  }
  const grants = new Map((document.services ?? []).map((s) => [serviceKey(s.provider, s.code, s.version), new Set(s.clients)]));
  return {
    memberOf: (client) => coveringIdentifiers(client).find((id) => members.has(id)),
    knowsKey: (kid) => keys.has(kid),
    keyOf(kid, member) {
      const key = keys.get(kid);
      return key?.member === member ? key.publicKey : undefined;
    },
    mayCall(client, provider, code, version) {
      const granted = grants.get(serviceKey(provider, code, version));
      return granted !== undefined && coveringIdentifiers(client).some((id) => granted.has(id));
    },
  };
}
