import type { Language } from '../api/types';
import type { Verdict } from '../applications/documents';
import type { Localised } from '../applications/types';

/** The public verification API's answer (server: src/modules/documents, contract of issue 4). */
export interface VerificationResult {
  status: Verdict;
  /** Why a payload is forged: `malformed`, `unknown_key`, `bad_signature`, `no_payload`. */
  reason: string | null;
  document: VerifiedDocument | null;
  revokedAt: string | null;
  revocationReason: string | null;
}

export interface VerifiedDocument {
  id: string;
  number: string;
  type: string;
  title: Localised | null;
  issuer: { agencyCode: string; kid: string };
  holder: { name: string; id: string | null };
  fields: { label: Localised | string; value: string }[];
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
}

export const verifyPaths = { payload: '/api/verify', pdf: '/api/verify/pdf' };

/** The largest PDF the verification API reads. */
export const maxPdfBytes = 5 * 1024 * 1024;

/** What a chosen file is to the page: a PDF sent to the server, or a picture whose QR is read here. */
export function uploadKind(file: { type: string; name: string }): 'pdf' | 'image' | 'other' {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return 'pdf';
  if (file.type.startsWith('image/')) return 'image';
  return 'other';
}

/**
 * A pasted payload without the line breaks and tabs that copying adds around it. Spaces stay: the
 * base45 alphabet has one (RFC 9285 §4), so a space may belong to the code.
 */
export function pastedPayload(text: string): string {
  return text.replace(/^[\r\n\t]+|[\r\n\t]+$/g, '');
}

/** A signed field's label: the three languages when the definition named it, else as signed. */
export function fieldLabel(label: Localised | string, language: Language): string {
  return typeof label === 'string' ? label : label[language];
}
