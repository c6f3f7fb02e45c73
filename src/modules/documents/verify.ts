import { verify } from 'node:crypto';
import type { VerificationKey } from '../../platform/crypto/signing-keys-jwk.ts';
import { decodeClaims, type SignedDocument } from './claims.ts';
import { sigStructure, type Sign1Parts } from './cose.ts';
import { openPayload } from './payload.ts';

/** Why a payload is not a genuine document. */
export type ForgeryReason = 'malformed' | 'unknown_key' | 'bad_signature' | 'no_payload';

/** What the signature and the dates alone say; revocation is the issuer's to add (online). */
export type Verdict =
  | { status: 'valid' | 'expired'; reason: null; kid: string; document: SignedDocument }
  | { status: 'forged'; reason: ForgeryReason; kid: string | null; document: null };

export const forged = (reason: ForgeryReason, kid: string | null = null): Verdict => ({ status: 'forged', reason, kid, document: null });

function signatureHolds(parts: Sign1Parts, key: VerificationKey): boolean {
  try {
    return verify(null, sigStructure(parts.protectedHeader, parts.payload), key.publicKey, parts.signature);
  } catch {
    return false;
  }
}

/** The UTC day of `now`, YYYY-MM-DD: validity is counted in whole days. */
const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Checks a payload against the keys the verifier trusts: its form, its key (known, and the key of
 * the agency the payload names as issuer), its Ed25519 signature over the RFC 9052 §4.4
 * Sig_structure, then its validity dates. Pure apart from the clock it is given; never throws,
 * whatever the input: anything that is not a genuine document is `forged`, with the reason.
 */
export function verifyPayload(payload: unknown, keys: ReadonlyMap<string, VerificationKey>, now: Date = new Date()): Verdict {
  if (typeof payload !== 'string') return forged('malformed');
  const parts = openPayload(payload);
  if (!parts) return forged('malformed');
  const kid = parts.kid.toString('base64url');
  const key = keys.get(kid);
  if (!key) return forged('unknown_key', kid);
  if (!signatureHolds(parts, key)) return forged('bad_signature', kid);
  const document = decodeClaims(parts.payload);
  if (!document) return forged('malformed', kid);
  // A key signs for one agency: a payload naming another issuer was not issued by it.
  if (document.issuer !== key.agencyCode) return forged('unknown_key', kid);
  const expired = document.validUntil !== null && dayOf(now) > document.validUntil;
  return { status: expired ? 'expired' : 'valid', reason: null, kid, document };
}
