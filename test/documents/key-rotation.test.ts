import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysFromJwks } from '../../src/platform/crypto/signing-keys-jwk.ts';
import { signedIn } from '../support/applications.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/client.ts';
import { approvedFile, download, issued, scanQr } from './support.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

const jwks = async () => (await new ApiClient(platform.url).request('GET', '/.well-known/jwks.json')).body;

describe('signing keys', () => {
  it('are created on first use, published, rotated by the agency, and old documents stay valid', async () => {
    expect((await jwks()).keys).toEqual([]);
    const moussa = await signedIn(platform.url, 'moussa.traore');
    const before = await issued(moussa, (await approvedFile(platform.url, moussa, 'import-licence')).id, 'document');
    const beforePayload = await scanQr((await download(moussa, before.id)).pdf);

    // The first document (or its receipt, signed by the same agency) created COMMERCE's key.
    const published = await jwks();
    const commerceKey = published.keys.find((k: { iss: string }) => k.iss === 'COMMERCE');
    expect(commerceKey).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: before.kid, status: 'active' });
    expect(Object.keys(commerceKey).sort()).toEqual(['alg', 'crv', 'iss', 'kid', 'kty', 'status', 'use', 'x']);
    expect(keysFromJwks(published).get(before.kid)?.agencyCode).toBe('COMMERCE');

    // Customs' officer cannot rotate; Commerce's administrator cannot rotate Customs; she rotates her own.
    const customs = await signedIn(platform.url, 'karim.benali');
    expect((await customs.request('POST', '/api/admin/signing-keys/rotate', { agencyCode: 'COMMERCE' })).status).toBe(403);
    const mariam = await signedIn(platform.url, 'mariam.kone');
    const foreign = await mariam.request('POST', '/api/admin/signing-keys/rotate', { agencyCode: 'CUSTOMS' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('forbidden_agency');
    expect((await mariam.request('POST', '/api/admin/signing-keys/rotate', { agencyCode: 'NOWHERE' })).status).toBe(404);
    const rotated = await mariam.request('POST', '/api/admin/signing-keys/rotate', { agencyCode: 'COMMERCE' });
    expect(rotated.status).toBe(200);
    const commerce = rotated.body.items.filter((k: { agencyCode: string }) => k.agencyCode === 'COMMERCE');
    expect(commerce.map((k: { kid: string; status: string }) => [k.kid === before.kid, k.status])).toEqual([[true, 'retired'], [false, 'active']]);
    expect(rotated.body.items.every((k: { agencyCode: string }) => k.agencyCode === 'COMMERCE')).toBe(true);

    // The document signed before still verifies; the next one is signed with the new key.
    expect((await new ApiClient(platform.url).request('POST', '/api/verify', { payload: beforePayload })).body).toMatchObject({ status: 'valid', document: { issuer: { kid: before.kid } } });
    const after = await issued(moussa, (await approvedFile(platform.url, moussa, 'import-licence')).id, 'document');
    expect(after.kid).toBe(commerce[1].kid);
    const afterPayload = await scanQr((await download(moussa, after.id)).pdf);
    expect((await new ApiClient(platform.url).request('POST', '/api/verify', { payload: afterPayload })).body.status).toBe('valid');
    expect((await jwks()).keys.filter((k: { iss: string }) => k.iss === 'COMMERCE').map((k: { status: string }) => k.status)).toEqual(['retired', 'active']);

    // The platform administrator sees every agency's keys; the rotation is in the audit trail.
    const admin = await signedIn(platform.url, 'admin');
    expect((await admin.request('GET', '/api/admin/signing-keys')).body.items.length).toBeGreaterThanOrEqual(2);
    expect((await moussa.request('GET', '/api/admin/signing-keys')).status).toBe(403);
    const auditor = await signedIn(platform.url, 'leila.haddad');
    const trail = await auditor.request('GET', '/api/audit/entries?recordType=signing_key');
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['signing_key.created', 'signing_key.rotated']));
  });
});
