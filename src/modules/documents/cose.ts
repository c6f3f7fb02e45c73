import { Decoder, Encoder, Tag } from 'cbor-x';

/**
 * COSE_Sign1 (RFC 9052 §4.2) with EdDSA (RFC 9053 §2.2), as the EU digital COVID certificate uses
 * it: the algorithm and the key id in the protected header, nothing in the unprotected one.
 */

/** RFC 9052 §3.1 header labels and the RFC 9053 §2.2 algorithm value. */
const HEADER_ALG = 1;
const HEADER_KID = 4;
const ALG_EDDSA = -8;
/** RFC 9052 §2: the CBOR tag of a COSE_Sign1 message. */
const COSE_SIGN1_TAG = 18;
const ED25519_SIGNATURE_BYTES = 64;

// Plain RFC 8949 CBOR: Maps keep their integer keys; no cbor-x records, no typed-array tags.
export const cbor = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false, variableMapSize: true });
export const cborDecoder = new Decoder({ useRecords: false, mapsAsObjects: false });

/** The head of a CBOR byte string of `length` bytes (RFC 8949 §3.1, major type 2). */
function byteStringHead(length: number): Uint8Array {
  if (length < 24) return Uint8Array.of(0x40 + length);
  if (length < 0x100) return Uint8Array.of(0x58, length);
  if (length < 0x10000) return Uint8Array.of(0x59, length >> 8, length & 0xff);
  return Uint8Array.of(0x5a, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}

// 0x84: an array of four; 0x6a: a text string of ten bytes, "Signature1".
const SIG_STRUCTURE_PREFIX = Buffer.concat([Uint8Array.of(0x84, 0x6a), Buffer.from('Signature1', 'ascii')]);
const EMPTY_EXTERNAL_AAD = Uint8Array.of(0x40);

/**
 * The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4), written by hand so they never depend on
 * an encoder's choices: [ "Signature1", body_protected, external_aad = h'', payload ].
 */
export function sigStructure(protectedHeader: Uint8Array, payload: Uint8Array): Buffer {
  return Buffer.concat([
    SIG_STRUCTURE_PREFIX,
    byteStringHead(protectedHeader.length),
    protectedHeader,
    EMPTY_EXTERNAL_AAD,
    byteStringHead(payload.length),
    payload,
  ]);
}

export function protectedHeaderOf(kid: Uint8Array): Buffer {
  return Buffer.from(cbor.encode(new Map<number, unknown>([[HEADER_ALG, ALG_EDDSA], [HEADER_KID, Buffer.from(kid)]])));
}

/** The tagged COSE_Sign1 message: [ protected, unprotected = {}, payload, signature ]. */
const encodeSign1 = (protectedHeader: Uint8Array, payload: Uint8Array, signature: Uint8Array) =>
  Buffer.from(cbor.encode(new Tag([Buffer.from(protectedHeader), new Map(), Buffer.from(payload), Buffer.from(signature)], COSE_SIGN1_TAG)));

export function coseSign1(kid: Uint8Array, payload: Uint8Array, sign: (toBeSigned: Buffer) => Uint8Array): Buffer {
  const protectedHeader = protectedHeaderOf(kid);
  return encodeSign1(protectedHeader, payload, sign(sigStructure(protectedHeader, payload)));
}

/** A COSE_Sign1 message taken apart, not yet verified. */
export interface Sign1Parts {
  kid: Buffer;
  protectedHeader: Buffer;
  payload: Buffer;
  signature: Buffer;
}

const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/**
 * Takes a COSE_Sign1 message apart, or returns null when it is not one signed with EdDSA under a
 * key id in the protected header. Only the exact encoding the issuer writes is accepted: the
 * envelope around the signed parts (tag, array, empty unprotected header, lengths) is not signed,
 * so a message that decodes alike but is written otherwise is refused rather than verified — one
 * document, one payload. Never throws: the input is anyone's.
 */
export function parseSign1(bytes: Uint8Array): Sign1Parts | null {
  try {
    const tagged: unknown = cborDecoder.decode(bytes);
    if (!(tagged instanceof Tag) || tagged.tag !== COSE_SIGN1_TAG) return null;
    const message: unknown = tagged.value;
    if (!Array.isArray(message) || message.length !== 4) return null;
    const [protectedHeader, unprotected, payload, signature] = message as unknown[];
    if (!isBytes(protectedHeader) || !(unprotected instanceof Map) || !isBytes(payload) || !isBytes(signature)) return null;
    if (signature.length !== ED25519_SIGNATURE_BYTES) return null;
    const header: unknown = cborDecoder.decode(protectedHeader);
    if (!(header instanceof Map) || header.get(HEADER_ALG) !== ALG_EDDSA) return null;
    const kid: unknown = header.get(HEADER_KID);
    if (!isBytes(kid) || kid.length === 0 || unprotected.size > 0) return null;
    if (!encodeSign1(protectedHeader, payload, signature).equals(bytes)) return null;
    return { kid: Buffer.from(kid), protectedHeader: Buffer.from(protectedHeader), payload: Buffer.from(payload), signature: Buffer.from(signature) };
  } catch {
    return null;
  }
}
