import { createHash, timingSafeEqual } from 'node:crypto';
import { parseDictionary } from './signing-fields.ts';

/**
 * `Content-Digest` (RFC 9530 §2): a structured-field dictionary of algorithm → digest of the message
 * content, e.g. `sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:`. The signature covers this
 * header, and the header covers the body, so the body is signed without hashing it twice.
 */
export function contentDigest(body: Uint8Array | string): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/** True when the header carries a sha-256 digest equal to the body's (other algorithms are not accepted). */
export function contentDigestMatches(header: string, body: Uint8Array | string): boolean {
  let claimed: unknown;
  try {
    claimed = parseDictionary(header).get('sha-256')?.value;
  } catch {
    return false;
  }
  if (!(claimed instanceof Uint8Array)) return false;
  const actual = createHash('sha256').update(body).digest();
  return claimed.length === actual.length && timingSafeEqual(claimed, actual);
}
