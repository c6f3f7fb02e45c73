import { generateKeyPairSync, sign } from 'node:crypto';
import base45 from 'base45';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kidBytesOf, kidOf, publicJwkOf, type VerificationKey } from '../../platform/crypto/signing-keys-jwk.ts';
import { encodeClaims, type SignedDocument } from './claims.ts';
import { cbor, protectedHeaderOf, sigStructure } from './cose.ts';
import { decodeBase45, PAYLOAD_PREFIX, sealPayload } from './payload.ts';
import { verifyPayload } from './verify.ts';

function agencyKey(agencyCode: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicJwkOf(publicKey);
  const verification: VerificationKey = { kid: kidOf(jwk), agencyCode, publicKey };
  return { verification, signer: { kidBytes: kidBytesOf(jwk), sign: (data: Uint8Array) => sign(null, data, privateKey) } };
}

const licence = (overrides: Partial<SignedDocument> = {}): SignedDocument => ({
  id: '0b9c2d3e-4f50-4a61-8b72-93a4b5c6d7e8',
  issuer: 'COMMERCE',
  number: 'COMMERCE-2026-000042',
  type: 'import_licence',
  language: 'fr',
  holder: { name: 'Kandara Riz Import SARL', id: 'KD-2019-004512' },
  fields: [
    { label: "Nom de l'importateur", value: 'Kandara Riz Import SARL' },
    { label: 'Code SH', value: '1006.30' },
  ],
  issuedAt: new Date('2026-03-15T10:20:30Z'),
  validFrom: '2026-03-15',
  validUntil: '2026-09-14',
  ...overrides,
});

const commerce = agencyKey('COMMERCE');
const keys = new Map([[commerce.verification.kid, commerce.verification]]);
const during = new Date('2026-06-01T12:00:00Z');

describe('document payload', () => {
  it('round-trips a signed document through COSE and base45', () => {
    const payload = sealPayload(licence(), commerce.signer);
    expect(payload.startsWith(PAYLOAD_PREFIX)).toBe(true);
    expect(payload).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(verifyPayload(payload, keys, during)).toEqual({ status: 'valid', reason: null, kid: commerce.verification.kid, document: licence({ issuedAt: new Date('2026-03-15T10:20:30Z') }) });
  });

  it('reads expired from the day after the last day of validity, and valid on that last day', () => {
    const payload = sealPayload(licence(), commerce.signer);
    expect(verifyPayload(payload, keys, new Date('2026-09-14T23:59:59Z')).status).toBe('valid');
    expect(verifyPayload(payload, keys, new Date('2026-09-15T00:00:00Z')).status).toBe('expired');
  });

  it('keeps a document without an end date valid for ever, and holder without an id', () => {
    const payload = sealPayload(licence({ validUntil: null, holder: { name: 'Awa Ndiaye', id: null } }), commerce.signer);
    const verdict = verifyPayload(payload, keys, new Date('2090-01-01T00:00:00Z'));
    expect(verdict.status).toBe('valid');
    expect(verdict.document).toMatchObject({ validUntil: null, holder: { name: 'Awa Ndiaye', id: null } });
  });

  it('carries Arabic labels and values unchanged', () => {
    const fields = [{ label: 'اسم المستورد', value: 'شركة كندارة للأرز' }];
    const verdict = verifyPayload(sealPayload(licence({ language: 'ar', fields }), commerce.signer), keys, during);
    expect(verdict.document?.fields).toEqual(fields);
  });

  it('reports a payload signed by a key it does not know as forged, unknown_key', () => {
    const stranger = agencyKey('COMMERCE');
    expect(verifyPayload(sealPayload(licence(), stranger.signer), keys, during)).toMatchObject({ status: 'forged', reason: 'unknown_key' });
  });

  it("refuses an agency's key signing for another agency", () => {
    expect(verifyPayload(sealPayload(licence({ issuer: 'CUSTOMS' }), commerce.signer), keys, during)).toMatchObject({ status: 'forged', reason: 'unknown_key' });
  });

  it('reports a genuine signature moved onto other claims as bad_signature', () => {
    const stolen = commerce.signer.sign(sigStructure(protectedHeaderOf(commerce.signer.kidBytes), encodeClaims(licence())));
    const forger = { kidBytes: commerce.signer.kidBytes, sign: () => stolen };
    expect(verifyPayload(sealPayload(licence(), forger), keys, during).status).toBe('valid');
    expect(verifyPayload(sealPayload(licence({ holder: { name: 'Someone Else', id: null } }), forger), keys, during)).toMatchObject({ status: 'forged', reason: 'bad_signature' });
  });

  it('changing any one character of the payload makes it forged', () => {
    const payload = sealPayload(licence(), commerce.signer);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:abc\u0000é';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: payload.length - 1 }), fc.constantFrom(...alphabet), (position, replacement) => {
        fc.pre(payload[position] !== replacement);
        const altered = payload.slice(0, position) + replacement + payload.slice(position + 1);
        // A changed final space is trimmed away like a scanner's trailing whitespace: no change at all.
        fc.pre(altered.trim() !== payload.trim());
        expect(verifyPayload(altered, keys, during).status).toBe('forged');
      }),
      { numRuns: 2000 },
    );
  });

  it('has one spelling: every other character at every position is forged', () => {
    const payload = sealPayload(licence(), commerce.signer);
    const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    const survivors: string[] = [];
    for (let position = 0; position < payload.length; position++) {
      for (const replacement of BASE45) {
        if (replacement === payload[position] || (position === payload.length - 1 && replacement === ' ')) continue;
        const altered = payload.slice(0, position) + replacement + payload.slice(position + 1);
        if (verifyPayload(altered, keys, during).status !== 'forged') survivors.push(`${position}:${replacement}`);
      }
    }
    expect(survivors).toEqual([]);
  });

  it('never throws on garbage, truncations or other CBOR, and calls them malformed', () => {
    const payload = sealPayload(licence(), commerce.signer);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: payload.length - 1 }).map((n) => payload.slice(0, n))), (garbage) => {
        expect(verifyPayload(garbage, keys, during)).toMatchObject({ status: 'forged' });
      }),
      { numRuns: 1000 },
    );
    const wrapped = (value: unknown) => PAYLOAD_PREFIX + base45.encode(cbor.encode(value));
    for (const message of [[], new Map(), [1, 2, 3, 4], 'GK1:', null]) expect(verifyPayload(wrapped(message), keys, during)).toMatchObject({ status: 'forged', reason: 'malformed' });
    for (const value of [undefined, 42, { payload }]) expect(verifyPayload(value, keys, during)).toMatchObject({ status: 'forged', reason: 'malformed' });
  });
});

describe('base45 (RFC 9285 §4.2)', () => {
  it('decodes the RFC examples and what the base45 package writes', () => {
    expect(decodeBase45('BB8')?.toString()).toBe('AB');
    expect(decodeBase45('%69 VD92EX0')?.toString()).toBe('Hello!!');
    expect(decodeBase45('UJCLQE7W581')?.toString()).toBe('base-45');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(decodeBase45(base45.encode(bytes))).toEqual(Buffer.from(bytes));
    }));
  });

  it('refuses what RFC 9285 says a decoder must refuse', () => {
    expect(decodeBase45('GGW')).toBeNull(); // 65536: more than two bytes
    expect(decodeBase45('ZZ')).toBeNull(); // a final pair over 255
    expect(decodeBase45('ABCD')).toBeNull(); // a dangling character
    expect(decodeBase45('abc')).toBeNull();
    expect(decodeBase45('AB\u00c9')).toBeNull();
  });
});
