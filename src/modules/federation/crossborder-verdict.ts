import type { VerificationKey } from '../../platform/crypto/signing-keys-jwk.ts';
import { verifyPayload } from '../documents/index.ts';
import type { SignatureVerdict } from './schema.ts';

export interface CertificateVerdict {
  /** `pending`: signed with a key not known yet — perhaps created since the issuer's configuration was last read. */
  signature: Exclude<SignatureVerdict, 'none'>;
  /** Why the signature does not hold: a forgery reason (docs/documents.md), or `not_the_declared_document`. */
  reason: string | null;
  /** The issuer's id of the document, as its signed payload says. */
  issuerDocumentId: string | null;
}

/**
 * Whether a received certificate of origin is what its issuer signed: its payload verified with the
 * issuing country's document keys learnt through the federation (and only those), and the payload
 * being the document the message declares (same id, same number) — a genuine payload of another
 * document attached to a made-up one is refused as well.
 */
export function judgeCertificate(message: { payload: string; documentId: string; number: string }, keys: ReadonlyMap<string, VerificationKey>, now: Date): CertificateVerdict {
  const verdict = verifyPayload(message.payload, keys, now);
  if (verdict.status === 'forged') return { signature: verdict.reason === 'unknown_key' ? 'pending' : 'invalid', reason: verdict.reason, issuerDocumentId: null };
  if (verdict.document.id !== message.documentId || verdict.document.number !== message.number) return { signature: 'invalid', reason: 'not_the_declared_document', issuerDocumentId: null };
  return { signature: 'verified', reason: null, issuerDocumentId: verdict.document.id };
}
