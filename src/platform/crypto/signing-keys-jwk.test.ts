import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwkThumbprint, keysFromJwks, kidOf, publicJwkOf } from './signing-keys-jwk.ts';

describe('signing key identifiers', () => {
  it('computes the RFC 7638 thumbprint of the RFC 8037 §A.3 example key', () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const;
    expect(jwkThumbprint(jwk).toString('base64url')).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    // The kid is the thumbprint's first 8 bytes.
    expect(Buffer.from(kidOf(jwk), 'base64url')).toEqual(jwkThumbprint(jwk).subarray(0, 8));
    expect(kidOf(jwk)).toHaveLength(11);
  });

  it('reads a published key set, keeping only keys filed under their own thumbprint', () => {
    const genuine = publicJwkOf(generateKeyPairSync('ed25519').publicKey);
    const other = publicJwkOf(generateKeyPairSync('ed25519').publicKey);
    const keys = keysFromJwks({
      keys: [
        { ...genuine, kid: kidOf(genuine), iss: 'COMMERCE', alg: 'EdDSA', use: 'sig', status: 'retired' },
        { ...other, kid: kidOf(genuine), iss: 'CUSTOMS' },
        { kty: 'RSA', n: 'x', e: 'AQAB', kid: 'rsa', iss: 'CUSTOMS' },
        { kty: 'OKP', crv: 'Ed25519', x: 'not-a-key', kid: 'bad', iss: 'CUSTOMS' },
      ],
    });
    expect([...keys.keys()]).toEqual([kidOf(genuine)]);
    expect(keys.get(kidOf(genuine))?.agencyCode).toBe('COMMERCE');
    expect(keysFromJwks(null).size).toBe(0);
    expect(keysFromJwks({ keys: 'none' }).size).toBe(0);
  });
});
