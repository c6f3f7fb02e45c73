import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { cbor, cborDecoder } from './cose.ts';

/** What a document's QR code says, once its signature is checked. */
export interface SignedDocument {
  /** The document's id (a UUID), as CWT `cti`. */
  id: string;
  /** The issuing agency's code, as CWT `iss`. */
  issuer: string;
  number: string;
  type: string;
  language: Locale;
  holder: { name: string; id: string | null };
  /** The key fields, labelled in the document's language. */
  fields: { label: string; value: string }[];
  /** Whole seconds (CWT `iat`). */
  issuedAt: Date;
  /** YYYY-MM-DD, the first day of validity (CWT `nbf`, midnight UTC). */
  validFrom: string;
  /** YYYY-MM-DD, the last day of validity (CWT `exp` is midnight UTC the day after); null: no end. */
  validUntil: string | null;
}

/** RFC 8392 §3.1 claim keys. */
const CLAIM = { iss: 1, exp: 4, nbf: 5, iat: 6, cti: 7 } as const;
/**
 * The document's own claims, under one key from the range RFC 8392 §9.1 leaves for private use
 * (below -65536), as a map with small integer keys (one byte each).
 */
export const GUICHET_CLAIM = -65537;
const DOC = { number: 1, type: 2, language: 3, holderName: 4, holderId: 5, fields: 6 } as const;

const DAY_SECONDS = 86_400;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;
/** Bounds a decoded payload must respect (a QR code holds far less anyway). */
const MAX_TEXT = 1000;
const MAX_FIELDS = 64;

function dayToSeconds(day: string): number {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 1000;
}

const secondsToDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new RangeError(`not a UUID: ${id}`);
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidOf(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The CWT claims set (RFC 8392) of a document, CBOR-encoded. */
export function encodeClaims(document: SignedDocument): Buffer {
  const own = new Map<number, unknown>([
    [DOC.number, document.number],
    [DOC.type, document.type],
    [DOC.language, document.language],
    [DOC.holderName, document.holder.name],
  ]);
  if (document.holder.id !== null) own.set(DOC.holderId, document.holder.id);
  own.set(DOC.fields, document.fields.map((f) => [f.label, f.value]));
  const claims = new Map<number, unknown>([[CLAIM.iss, document.issuer]]);
  if (document.validUntil !== null) claims.set(CLAIM.exp, dayToSeconds(document.validUntil) + DAY_SECONDS);
  claims.set(CLAIM.nbf, dayToSeconds(document.validFrom));
  claims.set(CLAIM.iat, Math.floor(document.issuedAt.getTime() / 1000));
  claims.set(CLAIM.cti, uuidBytes(document.id));
  claims.set(GUICHET_CLAIM, own);
  return Buffer.from(cbor.encode(claims));
}

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
const seconds = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value < 32503680000;

/** The claims of a verified payload, or null when they are not a document's (never throws). */
export function decodeClaims(bytes: Uint8Array): SignedDocument | null {
  try {
    const claims: unknown = cborDecoder.decode(bytes);
    if (!(claims instanceof Map)) return null;
    const own: unknown = claims.get(GUICHET_CLAIM);
    if (!(own instanceof Map)) return null;
    const [iss, exp, nbf, iat, cti] = [claims.get(CLAIM.iss), claims.get(CLAIM.exp), claims.get(CLAIM.nbf), claims.get(CLAIM.iat), claims.get(CLAIM.cti)];
    const [number, type, language, holderName, holderId, fields] = [DOC.number, DOC.type, DOC.language, DOC.holderName, DOC.holderId, DOC.fields].map((k) => own.get(k));
    if (!text(iss) || !seconds(nbf) || !seconds(iat) || (exp !== undefined && !seconds(exp))) return null;
    if (!(cti instanceof Uint8Array) || cti.length !== 16) return null;
    if (!text(number) || !text(type) || !isLocale(language) || !text(holderName) || (holderId !== undefined && !text(holderId))) return null;
    if (!Array.isArray(fields) || fields.length > MAX_FIELDS) return null;
    const pairs: { label: string; value: string }[] = [];
    for (const pair of fields as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2 || !text(pair[0]) || typeof pair[1] !== 'string' || pair[1].length > MAX_TEXT) return null;
      pairs.push({ label: pair[0], value: pair[1] });
    }
    return {
      id: uuidOf(cti),
      issuer: iss,
      number,
      type,
      language,
      holder: { name: holderName, id: holderId ?? null },
      fields: pairs,
      issuedAt: new Date(iat * 1000),
      validFrom: secondsToDay(nbf),
      validUntil: exp === undefined ? null : secondsToDay(exp - DAY_SECONDS),
    };
  } catch {
    return null;
  }
}
