import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** An Ed25519 public key as RFC 8037 §2 writes it in a JWK. */
export interface OkpPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  /** The 32-byte public key, base64url without padding. */
  x: string;
}

/** What /.well-known/jwks.json publishes for each key: the JWK plus who it signs for and whether it still signs. */
export interface PublishedKey extends OkpPublicJwk {
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
  /** The agency code whose documents this key signs (a CWT `iss`). */
  iss: string;
  status: 'active' | 'retired';
}

/** Bytes of the thumbprint kept as the key id: 64 bits, as the EU digital COVID certificate's kid. */
export const KID_BYTES = 8;

/**
 * RFC 7638 §3: the SHA-256 of the JWK's required members, in lexicographic order, without
 * whitespace. For an OKP key those are crv, kty and x (RFC 8037 §2).
 */
export function jwkThumbprint(jwk: OkpPublicJwk): Buffer {
  return createHash('sha256').update(`{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}"}`).digest();
}

/**
 * The key id: the first 8 bytes of the RFC 7638 thumbprint. The payload carries those bytes as a
 * COSE `kid`; the JWKS names the key by the same bytes in base64url (11 characters).
 */
export function kidBytesOf(jwk: OkpPublicJwk): Buffer {
  return jwkThumbprint(jwk).subarray(0, KID_BYTES);
}

export const kidOf = (jwk: OkpPublicJwk): string => kidBytesOf(jwk).toString('base64url');

export function publicJwkOf(key: KeyObject): OkpPublicJwk {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 public key');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

/** A key a verifier trusts: the agency it signs for and the public key. */
export interface VerificationKey {
  kid: string;
  agencyCode: string;
  publicKey: KeyObject;
}

/**
 * The keys of a published JWKS, by kid. A key is taken only when its kid is its own thumbprint, so
 * a key set cannot file one agency's key under another key's id. Keys that are not Ed25519 or not
 * well formed are left out, not fatal: a verifier still checks what it can.
 */
export function keysFromJwks(jwks: unknown): Map<string, VerificationKey> {
  const keys = new Map<string, VerificationKey>();
  const list = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return keys;
  for (const entry of list as Partial<PublishedKey>[]) {
    if (entry?.kty !== 'OKP' || entry.crv !== 'Ed25519' || typeof entry.x !== 'string' || typeof entry.kid !== 'string' || typeof entry.iss !== 'string') continue;
    const jwk: OkpPublicJwk = { kty: 'OKP', crv: 'Ed25519', x: entry.x };
    if (kidOf(jwk) !== entry.kid) continue;
    try {
      keys.set(entry.kid, { kid: entry.kid, agencyCode: entry.iss, publicKey: createPublicKey({ key: { ...jwk }, format: 'jwk' }) });
    } catch {
      // not a point on the curve: skip it
    }
  }
  return keys;
}
