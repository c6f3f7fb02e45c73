import type { Localised } from './types';

/**
 * Issued documents as the browser sees them (server: src/modules/documents, contract of issue 4):
 * what the agency issued on approval, and the receipts of the file's payments.
 */
export interface DocumentSummary {
  id: string;
  number: string;
  type: string;
  kind: 'document' | 'receipt';
  title: Localised;
  agencyCode: string;
  applicationId: string | null;
  paymentId: string | null;
  holderName: string;
  language: 'fr' | 'ar' | 'en';
  issuedAt: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD; null for a document valid without limit (a receipt). */
  validUntil: string | null;
  kid: string;
  revokedAt: string | null;
  revocationReason: string | null;
}

/** What a verification says of a document, and what a list of documents shows next to each. */
export type Verdict = 'valid' | 'revoked' | 'expired' | 'forged';

export const documentPaths = {
  ofFile: (applicationId: string) => `/api/applications/${encodeURIComponent(applicationId)}/documents`,
  pdf: (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/pdf`,
  revoke: (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/revoke`,
};

/** A document the platform issued is revoked, past its last valid day, or valid. */
export function standingOf(document: Pick<DocumentSummary, 'revokedAt' | 'validUntil'>, today: string): Exclude<Verdict, 'forged'> {
  if (document.revokedAt !== null) return 'revoked';
  // Days written YYYY-MM-DD compare as text; the last valid day is still valid.
  if (document.validUntil !== null && document.validUntil < today) return 'expired';
  return 'valid';
}
