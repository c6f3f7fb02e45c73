import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDictionary, serializeBareItem, serializeParameters, type Parameters } from './signing-fields.ts';

describe('structured fields (RFC 8941 subset)', () => {
  it('reads a Signature-Input with two signatures and a Signature of byte sequences', () => {
    const input = parseDictionary('sig1=("@method" "signature";req;key="sig0");created=1618884473;keyid="k", guichet=();alg="ed25519"');
    const sig1 = input.get('sig1');
    expect(Array.isArray(sig1?.value) && sig1.value.map((item) => [item.value, serializeParameters(item.params)])).toEqual([
      ['@method', ''],
      ['signature', ';req;key="sig0"'],
    ]);
    expect(sig1 && Object.fromEntries(sig1.params)).toEqual({ created: 1618884473, keyid: 'k' });
    expect(input.get('guichet')?.value).toEqual([]);
    expect(parseDictionary('guichet=:AQID:').get('guichet')?.value).toEqual(new Uint8Array([1, 2, 3]));
  });

  it.each(['sig1=("a"', 'sig1=:AQID', 'Sig1=1', 'a=1,', 'a=("x"y)'])('refuses %j', (text) => {
    expect(() => parseDictionary(text)).toThrow(SyntaxError);
  });

  it('reads back what it writes', () => {
    const item = fc.oneof(
      fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~'), maxLength: 20 }),
      fc.integer({ min: -999_999_999, max: 999_999_999 }),
      fc.boolean(),
      fc.uint8Array({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'key', 'req', 'created', 'x-1'), item), { maxLength: 4 }), item, (pairs, value) => {
        const params: Parameters = new Map(pairs);
        const parsed = parseDictionary(`m=${serializeBareItem(value)}${serializeParameters(params)}`).get('m');
        expect(parsed?.value).toEqual(value);
        expect(parsed?.params).toEqual(params);
      }),
    );
  });
});
