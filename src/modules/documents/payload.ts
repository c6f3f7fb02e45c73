import base45 from 'base45';
import { encodeClaims, type SignedDocument } from './claims.ts';
import { coseSign1, parseSign1, type Sign1Parts } from './cose.ts';

/**
 * The QR payload, built as the EU digital COVID certificate's, less its compression: CWT claims
 * (RFC 8392) signed as a COSE_Sign1 (RFC 9052), written in base45 (RFC 9285), whose alphabet is
 * exactly the QR code's alphanumeric mode, after a context prefix naming the format and its
 * version. No zlib: it saved 3–15 % on these payloads, and the unused bits of a deflate stream's
 * last byte can be changed without changing what it inflates to — a payload must not have two
 * spellings. docs/documents.md and decision 0012 explain the choice.
 */
export const PAYLOAD_PREFIX = 'GK1:';

/** Longest payload read: a QR code holds at most 4,296 alphanumeric characters. */
export const MAX_PAYLOAD_CHARS = 4296;

export interface PayloadSigner {
  kidBytes: Uint8Array;
  sign(data: Uint8Array): Uint8Array;
}

export function sealPayload(document: SignedDocument, signer: PayloadSigner): string {
  const message = coseSign1(signer.kidBytes, encodeClaims(document), (toBeSigned) => signer.sign(toBeSigned));
  return PAYLOAD_PREFIX + base45.encode(message);
}

const BASE45_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Character code → base45 digit, -1 outside the alphabet. */
const DIGIT = new Int8Array(128).fill(-1);
for (const [digit, char] of [...BASE45_CHARSET].entries()) DIGIT[char.charCodeAt(0)] = digit;

const digitAt = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return code < 128 ? (DIGIT[code] ?? -1) : -1;
};

/**
 * Decodes base45 strictly, as RFC 9285 §4.2 requires and the base45 package does not (it decodes
 * anything, wrongly): null for a character outside the alphabet, a dangling single character, or
 * a group encoding more than two bytes (or one, for a final pair). One pass over the text: this is
 * on the verification path, thousands of times a second.
 */
export function decodeBase45(text: string): Buffer | null {
  if (text.length % 3 === 1) return null;
  const bytes = Buffer.allocUnsafe(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let out = 0;
  for (let i = 0; i < text.length; i += 3) {
    const [c, d] = [digitAt(text, i), digitAt(text, i + 1)];
    if (c < 0 || d < 0) return null;
    if (i + 2 === text.length) {
      const value = c + d * 45;
      if (value > 0xff) return null;
      bytes[out++] = value;
    } else {
      const e = digitAt(text, i + 2);
      const value = e < 0 ? -1 : c + d * 45 + e * 2025;
      if (value < 0 || value > 0xffff) return null;
      bytes[out++] = value >> 8;
      bytes[out++] = value & 0xff;
    }
  }
  return bytes;
}

/** The COSE_Sign1 message inside a payload, not yet verified; null for anything else. Never throws. */
export function openPayload(payload: string): Sign1Parts | null {
  const text = payload.trim();
  if (text.length > MAX_PAYLOAD_CHARS || !text.startsWith(PAYLOAD_PREFIX)) return null;
  const message = decodeBase45(text.slice(PAYLOAD_PREFIX.length));
  return message && message.length > 0 ? parseSign1(message) : null;
}
