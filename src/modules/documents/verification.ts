import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { SigningKeys } from '../../platform/crypto/signing-keys.ts';
import type { Db } from '../../platform/db/database.ts';
import { payloadFromPdf } from './pdf-payload.ts';
import { documentRows, signedFieldsOf } from './store.ts';
import { verifyPayload, type ForgeryReason, type Verdict } from './verify.ts';

/** What the public verification page and API answer. */
export interface VerificationResult {
  status: 'valid' | 'revoked' | 'expired' | 'forged';
  reason: ForgeryReason | null;
  document: null | {
    id: string;
    number: string;
    type: string;
    title: LocalisedText | null;
    issuer: { agencyCode: string; kid: string };
    holder: { name: string; id: string | null };
    /** The signed fields: labelled in three languages when the issuer knows the document, else as signed. */
    fields: { label: LocalisedText | string; value: string }[];
    validFrom: string;
    validUntil: string | null;
    issuedAt: string;
  };
  revokedAt: string | null;
  revocationReason: string | null;
}

const forgedResult = (reason: ForgeryReason): VerificationResult => ({ status: 'forged', reason, document: null, revokedAt: null, revocationReason: null });

/**
 * Online verification: the signature and dates as any offline verifier checks them (verify.ts),
 * then what only the issuer knows: whether the document was revoked, its title, and the labels of
 * its fields in the reader's language.
 */
export function documentVerification(db: Db, keys: SigningKeys) {
  async function verdictOf(payload: unknown, now: Date): Promise<Verdict> {
    const verdict = verifyPayload(payload, await keys.verificationKeys(), now);
    // A kid not seen yet may be a key another process created a moment ago.
    if (verdict.reason !== 'unknown_key') return verdict;
    return verifyPayload(payload, await keys.verificationKeys({ refresh: true }), now);
  }

  async function verify(payload: unknown, now = new Date()): Promise<VerificationResult> {
    const verdict = await verdictOf(payload, now);
    if (verdict.status === 'forged') return forgedResult(verdict.reason);
    const signed = verdict.document;
    const row = await documentRows(db).where('documents.id', '=', signed.id).executeTakeFirst();
    const known = row ? signedFieldsOf(row) : [];
    const sameFields = known.length === signed.fields.length && known.every((f, i) => f.value === signed.fields[i]?.value);
    return {
      status: row?.revoked_at ? 'revoked' : verdict.status,
      reason: null,
      document: {
        id: signed.id,
        number: signed.number,
        type: signed.type,
        title: row?.title ?? null,
        issuer: { agencyCode: signed.issuer, kid: verdict.kid },
        holder: signed.holder,
        fields: sameFields ? known.map((f) => ({ label: f.label, value: f.value })) : signed.fields,
        validFrom: signed.validFrom,
        validUntil: signed.validUntil,
        issuedAt: signed.issuedAt.toISOString(),
      },
      revokedAt: row?.revoked_at?.toISOString() ?? null,
      revocationReason: row?.revocation_reason ?? null,
    };
  }

  /** A PDF's payload, read from its information dictionary; a file without one is `forged`, `no_payload`. */
  async function verifyPdf(bytes: Buffer, now = new Date()): Promise<VerificationResult> {
    const payload = payloadFromPdf(bytes);
    if (payload === null) return forgedResult('no_payload');
    return verify(payload, now);
  }

  return { verify, verifyPdf };
}
