import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDigest, contentDigestMatches } from './content-digest.ts';
import { component, signatureBase, type RequestDescription } from './signing-base.ts';
import { signRequest, signResponse, verifyRequest, verifyResponse, type VerifyOptions } from './signing.ts';

const caller = generateKeyPairSync('ed25519');
const provider = generateKeyPairSync('ed25519');
const now = new Date('2026-11-23T20:00:00Z');
const keys = new Map([
  ['KD/GOV/CUSTOMS/clearance#1', caller.publicKey],
  ['KD/GOV/COMMERCE/licences#1', provider.publicKey],
]);
const options: VerifyOptions = { lookupKey: (keyId) => keys.get(keyId), now };

function signedRequest(extra: Record<string, string> = {}): RequestDescription {
  const request = {
    method: 'POST',
    targetUri: 'https://commerce.kd.example/exchange/KD/GOV/COMMERCE/licences/check-licence/v1',
    headers: { 'content-type': 'application/json', 'guichet-message-id': '0193f0c2-7d1e-7000-8000-000000000001', 'guichet-client': 'KD/GOV/CUSTOMS/clearance', ...extra },
    body: '{"licence":"LIC-2026-0042"}',
  };
  return { ...request, headers: signRequest(request, { keyId: 'KD/GOV/CUSTOMS/clearance#1', privateKey: caller.privateKey }, now) };
}

function signedResponse(request: RequestDescription) {
  const response = { status: 200, headers: { 'content-type': 'application/json', 'guichet-message-id': '0193f0c2-7d1e-7000-8000-000000000002' }, body: '{"valid":true}' };
  return { ...response, headers: signResponse(response, request, { keyId: 'KD/GOV/COMMERCE/licences#1', privateKey: provider.privateKey }, now) };
}

describe('Content-Digest (RFC 9530)', () => {
  it('reproduces the RFC 9530 §2 example and checks a body against it', () => {
    const header = contentDigest('{"hello": "world"}');
    expect(header).toBe('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
    expect(contentDigestMatches(header, '{"hello": "world"}')).toBe(true);
    expect(contentDigestMatches(header, '{"hello": "World"}')).toBe(false);
    expect(contentDigestMatches('sha-512=:AAAA:', '{"hello": "world"}')).toBe(false);
    expect(contentDigestMatches('not a digest(', '{"hello": "world"}')).toBe(false);
  });
});

describe('HTTP Message Signatures (RFC 9421)', () => {
  it('reproduces the Appendix B.2.6 ed25519 test vector byte for byte', () => {
    const privateKey = createPrivateKey('-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n');
    const publicKey = createPublicKey('-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n-----END PUBLIC KEY-----\n');
    const request: RequestDescription = {
      method: 'POST',
      targetUri: 'https://example.com/foo?param=Value&Pet=dog',
      headers: { Host: 'example.com', Date: 'Tue, 20 Apr 2021 02:07:55 GMT', 'Content-Type': 'application/json', 'Content-Length': '18' },
      body: '{"hello": "world"}',
    };
    const components = ['date', '@method', '@path', '@authority', 'content-type', 'content-length'].map((name) => component(name));
    const base = signatureBase(components, new Map<string, number | string>([['created', 1618884473], ['keyid', 'test-key-ed25519']]), request);
    expect(base).toBe(
      [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-length": 18',
        '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      ].join('\n'),
    );
    const signature = sign(null, Buffer.from(base), privateKey).toString('base64');
    expect(signature).toBe('wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==');
    expect(publicKey.asymmetricKeyType).toBe('ed25519');
  });

  it('signs a request that the provider verifies, covering the Guichet headers present', async () => {
    const request = signedRequest({ 'guichet-represented-party': 'KD/COM/RC-123456', 'guichet-case': 'KD-2026-000123' });
    expect(request.headers['signature-input']).toBe(
      'guichet=("@method" "@target-uri" "content-digest" "guichet-message-id" "guichet-client" "guichet-represented-party" "guichet-case");created=1795464000;keyid="KD/GOV/CUSTOMS/clearance#1";alg="ed25519"',
    );
    const verdict = await verifyRequest(request, options);
    expect(verdict).toMatchObject({ ok: true, keyId: 'KD/GOV/CUSTOMS/clearance#1', created: 1795464000, messageId: '0193f0c2-7d1e-7000-8000-000000000001' });
  });

  it('passes the caller named in the request and the signing time to the key lookup', async () => {
    const asked: Array<[string, string | null, number]> = [];
    await verifyRequest(signedRequest(), { now, lookupKey: (keyId, signer, created) => (asked.push([keyId, signer, created]), keys.get(keyId)) });
    expect(asked).toEqual([['KD/GOV/CUSTOMS/clearance#1', 'KD/GOV/CUSTOMS/clearance', 1795464000]]);
  });

  it('refuses each fault with its own code', async () => {
    const request = signedRequest({ 'guichet-case': 'KD-2026-000123' });
    const refusal = async (changed: RequestDescription, opts: VerifyOptions = options) => {
      const verdict = await verifyRequest(changed, opts);
      return verdict.ok ? 'accepted' : verdict.refusal;
    };
    expect(await refusal(request, { ...options, lookupKey: () => undefined })).toBe('unknown_key');
    expect(await refusal({ ...request, headers: { ...request.headers, 'guichet-client': 'KD/GOV/TAX/returns' } })).toBe('bad_signature');
    expect(await refusal({ ...request, body: '{"licence":"LIC-2026-0043"}' })).toBe('digest_mismatch');
    expect(await refusal(request, { ...options, now: new Date(now.getTime() + 301_000) })).toBe('expired_timestamp');
    expect(await refusal(request, { ...options, now: new Date(now.getTime() - 301_000) })).toBe('expired_timestamp');
    expect(await refusal(request, { ...options, now: new Date(now.getTime() + 301_000), replayWindowSeconds: 600 })).toBe('accepted');
    const { 'guichet-case': _case, ...withoutCase } = request.headers;
    expect(await refusal({ ...request, headers: withoutCase })).toBe('missing_component');
    expect(await refusal({ ...signedRequest(), headers: { ...signedRequest().headers, 'guichet-represented-party': 'KD/COM/RC-1' } })).toBe('missing_component');
    const { signature: _signature, ...unsigned } = request.headers;
    expect(await refusal({ ...request, headers: unsigned })).toBe('missing_component');
    expect(await refusal({ ...request, headers: { ...request.headers, signature: 'guichet=:AAAA' } })).toBe('bad_signature');
  });

  it('fails verification when any covered component changes', async () => {
    const request = signedRequest({ 'guichet-represented-party': 'KD/COM/RC-123456', 'guichet-case': 'KD-2026-000123' });
    const covered = ['method', 'targetUri', 'body', 'content-digest', 'guichet-message-id', 'guichet-client', 'guichet-represented-party', 'guichet-case'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...covered), fc.string({ minLength: 1, maxLength: 12 }), async (part, suffix) => {
        const changed: RequestDescription =
          part === 'method' || part === 'body'
            ? { ...request, [part]: request[part] + suffix }
            : part === 'targetUri'
              ? { ...request, targetUri: `${request.targetUri}/${encodeURIComponent(suffix)}` }
              : { ...request, headers: { ...request.headers, [part]: `${request.headers[part]}${suffix.trim() || 'x'}` } };
        expect((await verifyRequest(changed, options)).ok).toBe(false);
      }),
    );
  });

  it('binds a response to the request it answers', async () => {
    const request = signedRequest();
    const response = signedResponse(request);
    expect(response.headers['signature-input']).toBe(
      'guichet=("@status" "content-digest" "guichet-message-id" "signature";req;key="guichet");created=1795464000;keyid="KD/GOV/COMMERCE/licences#1";alg="ed25519"',
    );
    expect(await verifyResponse(response, request, options)).toMatchObject({ ok: true, messageId: '0193f0c2-7d1e-7000-8000-000000000002' });
    // The same answer presented for another request (another message id, so another signature) fails.
    const other = signedRequest({ 'guichet-message-id': '0193f0c2-7d1e-7000-8000-000000000009' });
    expect(await verifyResponse(response, other, options)).toMatchObject({ ok: false, refusal: 'bad_signature' });
    const { signature: _signature, ...unsignedRequest } = request.headers;
    expect(await verifyResponse(response, { ...request, headers: unsignedRequest }, options)).toMatchObject({ ok: false, refusal: 'missing_component' });
  });

  it('fails a response when its status, body or message id changes', async () => {
    const request = signedRequest();
    const response = signedResponse(request);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('status', 'body', 'guichet-message-id', 'content-digest'), fc.integer({ min: 1, max: 99 }), async (part, n) => {
        const changed =
          part === 'status'
            ? { ...response, status: response.status + n }
            : part === 'body'
              ? { ...response, body: `${response.body} ${n}` }
              : { ...response, headers: { ...response.headers, [part]: `${response.headers[part]}${n}` } };
        expect((await verifyResponse(changed, request, options)).ok).toBe(false);
      }),
    );
  });
});
