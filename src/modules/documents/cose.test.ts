import { Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { cbor, coseSign1, parseSign1, protectedHeaderOf, sigStructure } from './cose.ts';

describe('COSE_Sign1 (RFC 9052)', () => {
  it('writes the Sig_structure by hand exactly as a CBOR encoder writes the same array (§4.4)', () => {
    const protectedHeader = protectedHeaderOf(Buffer.from('0102030405060708', 'hex'));
    for (const size of [0, 23, 24, 255, 256, 65_535, 65_536]) {
      const payload = Buffer.alloc(size, 7);
      expect(sigStructure(protectedHeader, payload)).toEqual(Buffer.from(cbor.encode(['Signature1', protectedHeader, Buffer.alloc(0), payload])));
    }
  });

  it('puts the algorithm (EdDSA, -8) and the key id in the protected header', () => {
    expect(protectedHeaderOf(Buffer.from('0102030405060708', 'hex')).toString('hex')).toBe('a201270448' + '0102030405060708');
  });

  it('takes apart only the tagged EdDSA COSE_Sign1 the issuer writes, and never throws', () => {
    const kid = Buffer.from('0102030405060708', 'hex');
    const good = coseSign1(kid, Buffer.from('claims'), () => Buffer.alloc(64, 1));
    expect(parseSign1(good)?.kid).toEqual(kid);
    const header = protectedHeaderOf(kid);
    const parts = [header, new Map(), Buffer.from('claims'), Buffer.alloc(64, 1)];
    expect(parseSign1(Buffer.from(cbor.encode(parts)))).toBeNull(); // untagged
    expect(parseSign1(Buffer.from(cbor.encode(new Tag(parts, 98))))).toBeNull(); // COSE_Sign, not Sign1
    expect(parseSign1(Buffer.from(cbor.encode(new Tag([header, new Map([[4, kid]]), Buffer.from('claims'), Buffer.alloc(64)], 18))))).toBeNull();
    expect(parseSign1(Buffer.from(cbor.encode(new Tag([header, new Map(), Buffer.from('claims'), Buffer.alloc(63)], 18))))).toBeNull();
    expect(parseSign1(Buffer.from(cbor.encode(new Tag([Buffer.from(cbor.encode(new Map<number, unknown>([[1, -7], [4, kid]]))), new Map(), Buffer.from('x'), Buffer.alloc(64)], 18))))).toBeNull();
    // The same parts written with a longer length head for the payload: decodes alike, refused.
    const claimsAt = good.indexOf(Buffer.from('claims')) - 1;
    const longHead = Buffer.concat([good.subarray(0, claimsAt), Buffer.from([0x58, 6]), good.subarray(claimsAt + 1)]);
    expect(parseSign1(longHead)).toBeNull();
    expect(parseSign1(Buffer.concat([good, Buffer.from([0])]))).toBeNull();
    expect(parseSign1(Buffer.from('ff', 'hex'))).toBeNull();
    expect(parseSign1(Buffer.from('d81c81d81d00', 'hex'))).toBeNull();
  });
});
