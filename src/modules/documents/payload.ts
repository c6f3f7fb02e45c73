import { deflateSync, inflateSync } from 'node:zlib';
import base45 from 'base45';
import { encodeClaims, type SignedDocument } from './claims.ts';
import { coseSign1, parseSign1, type Sign1Parts } from './cose.ts';

/**
 * The QR payload, built as the EU digital COVID certificate's: CWT claims (RFC 8392) signed as a
 * COSE_Sign1 (RFC 9052), compressed with zlib (RFC 1950), written in base45 (RFC 9285), whose
 * alphabet is exactly the QR code's alphanumeric mode, after a context prefix naming the format
 * and its version. docs/documents.md and decision 0012 explain the choice.
 */
export const PAYLOAD_PREFIX = 'GK1:';

/** Longest payload read: a QR code holds at most 4,296 alphanumeric characters. */
export const MAX_PAYLOAD_CHARS = 4296;
/** Largest decompressed message accepted, so a small payload cannot inflate into a large one. */
const MAX_MESSAGE_BYTES = 16 * 1024;

export interface PayloadSigner {
  kidBytes: Uint8Array;
  sign(data: Uint8Array): Uint8Array;
}

export function sealPayload(document: SignedDocument, signer: PayloadSigner): string {
  const message = coseSign1(signer.kidBytes, encodeClaims(document), (toBeSigned) => signer.sign(toBeSigned));
  return PAYLOAD_PREFIX + base45.encode(deflateSync(message, { level: 9 }));
}

const BASE45 = /^[0-9A-Z $%*+\-./:]*$/;
const BASE45_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/**
 * RFC 9285 §4.2: a decoder must refuse characters outside the alphabet, a dangling single
 * character, and groups that encode more than two bytes (or one, for a final pair). The base45
 * package decodes anything, so the text is checked first.
 */
export function isBase45(text: string): boolean {
  if (!BASE45.test(text) || text.length % 3 === 1) return false;
  for (let i = 0; i < text.length; i += 3) {
    const group = text.slice(i, i + 3);
    const value = [...group].reduce((sum, char, position) => sum + BASE45_CHARSET.indexOf(char) * 45 ** position, 0);
    if (value > (group.length === 3 ? 0xffff : 0xff)) return false;
  }
  return true;
}

/** The COSE_Sign1 message inside a payload, not yet verified; null for anything else. Never throws. */
export function openPayload(payload: string): Sign1Parts | null {
  const text = payload.trim();
  if (text.length > MAX_PAYLOAD_CHARS || !text.startsWith(PAYLOAD_PREFIX)) return null;
  const body = text.slice(PAYLOAD_PREFIX.length);
  if (body.length === 0 || !isBase45(body)) return null;
  let message: Buffer;
  try {
    message = inflateSync(base45.decode(body), { maxOutputLength: MAX_MESSAGE_BYTES });
  } catch {
    return null;
  }
  return parseSign1(message);
}
