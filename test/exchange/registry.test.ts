import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOf, mayCall } from '../../src/modules/exchange/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';

let platform: TestApp;
let admin: ApiClient;
let auditor: ApiClient;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
  admin = await signedIn(platform.url, 'admin', 'en');
  auditor = await signedIn(platform.url, 'leila.haddad', 'en');
});
afterAll(async () => {
  await platform?.close();
});

const ORBUS = 'KD/FSW/SN-ORBUS';
const names = { fr: 'Guichet unique ORBUS (Sénégal)', ar: 'الشباك الموحد أوربوس (السنغال)', en: 'ORBUS single window (Senegal)' };

function ed25519() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, jwk: publicKey.export({ format: 'jwk' }) };
}

async function registerOrbus(): Promise<string> {
  const created = await admin.request('POST', '/api/exchange/members', { identifier: ORBUS, kind: 'foreign_single_window', names });
  expect(created.status).toBe(201);
  return created.body.id;
}

const licenceService = {
  code: 'trade-licence',
  version: '1.0',
  title: { fr: 'Licence commerciale', ar: 'الرخصة التجارية', en: 'Trade licence' },
  requestSchema: { type: 'object', required: ['licenceNumber'], properties: { licenceNumber: { type: 'string' } } },
  responseSchema: { type: 'object', properties: { valid: { type: 'boolean' } } },
};

async function auditActions(action: string) {
  const found = await auditor.request('GET', `/api/audit/entries?action=${action}`);
  expect(found.status).toBe(200);
  return found.body.items as { action: string; record: { type: string; id: string }; details: Record<string, unknown> }[];
}

describe('the exchange registry', () => {
  it('holds every demo agency as a GOV member, and the auditor may read it', async () => {
    const list = await auditor.request('GET', '/api/exchange/members');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ identifier: 'KD/GOV/COMMERCE', kind: 'agency', agencyCode: 'COMMERCE', status: 'active' }));
    expect(list.body.items.filter((m: { identifier: string }) => m.identifier.startsWith('KD/GOV/'))).toHaveLength(9);
  });

  it('registers a member once, keys it, and a revoked key is looked up as revoked', async () => {
    const id = await registerOrbus();
    const again = await admin.request('POST', '/api/exchange/members', { identifier: ORBUS, kind: 'foreign_single_window', names });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'member_exists' } } });
    const malformed = await admin.request('POST', '/api/exchange/members', { identifier: 'KD/XYZ/ORBUS', kind: 'external_system', names });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'invalid_member_identifier', details: { fields: [{ path: '/identifier' }] } } } });
    const misfiled = await admin.request('POST', '/api/exchange/members', { identifier: 'KD/GOV/ORBUS', kind: 'foreign_single_window', names });
    expect(misfiled).toMatchObject({ status: 400, body: { error: { code: 'member_kind_mismatch', details: { fields: [{ path: '/kind' }] } } } });

    const { privateKey, jwk } = ed25519();
    const added = await admin.request('POST', `/api/exchange/members/${id}/keys`, { jwk });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: 'active', jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x } });
    const kid: string = added.body.kid;
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // What the protocol will do with a signed message's kid: find the key and whose it is.
    const found = await keyOf(platform.database.db, kid);
    expect(found).toMatchObject({ status: 'active', member: { identifier: ORBUS } });
    const message = Buffer.from('GET /licences/42');
    expect(verify(null, message, found!.publicKey, sign(null, message, privateKey))).toBe(true);
    expect((await admin.request('GET', '/api/exchange/discovery')).body.members).toContainEqual(expect.objectContaining({ identifier: ORBUS, keys: [{ kid, jwk: added.body.jwk }] }));

    // Retired, it still verifies what it signed; revoked, it is trusted no more.
    expect((await admin.request('POST', `/api/exchange/members/${id}/keys/${kid}/retire`)).body).toMatchObject({ status: 'retired' });
    expect(await keyOf(platform.database.db, kid)).toMatchObject({ status: 'retired' });
    const revoked = await admin.request('POST', `/api/exchange/members/${id}/keys/${kid}/revoke`, { reason: 'private key copied to a lost laptop' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revocationReason: 'private key copied to a lost laptop' });
    expect(await keyOf(platform.database.db, kid)).toMatchObject({ status: 'revoked' });
    expect((await admin.request('POST', `/api/exchange/members/${id}/keys/${kid}/revoke`, { reason: 'again' })).body.error.code).toBe('key_revoked');
    const discovered = (await admin.request('GET', '/api/exchange/discovery')).body.members.find((m: { identifier: string }) => m.identifier === ORBUS);
    expect(discovered.keys).toEqual([]);

    const [revocation] = await auditActions('exchange.key_revoked');
    expect(revocation).toMatchObject({ record: { type: 'exchange_member_key', id: kid }, details: { member: ORBUS, reason: 'private key copied to a lost laptop' } });
    expect(await auditActions('exchange.member_registered')).toContainEqual(expect.objectContaining({ record: { type: 'exchange_member', id } }));
  });

  it('refuses what is not an Ed25519 public key, and a private one', async () => {
    const { jwk } = ed25519();
    const { privateKey } = generateKeyPairSync('ed25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    for (const bad of [rsa, privateKey.export({ format: 'jwk' }), { ...jwk, x: 'AAAA' }]) {
      const refused = await admin.request('POST', '/api/exchange/members/KD%2FGOV%2FCUSTOMS/keys', { jwk: bad });
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid_public_key', details: { fields: [{ path: '/jwk' }] } } } });
    }
  });

  it('refuses a service whose schema is not a JSON Schema, naming where', async () => {
    const broken = { ...licenceService, requestSchema: { type: 'object', properties: { licenceNumber: { type: 'strnig' } } } };
    const refused = await admin.request('POST', '/api/exchange/members/KD%2FGOV%2FCOMMERCE/services', broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_service_schema', details: { fields: [{ path: '/requestSchema/properties/licenceNumber/type' }] } });
    expect(refused.body.error.message).toContain('/requestSchema/properties/licenceNumber/type');
  });

  it('lets a client call a service version exactly while it holds the access right', async () => {
    const service = await admin.request('POST', '/api/exchange/members/KD%2FGOV%2FCOMMERCE/services', licenceService);
    expect(service.status).toBe(201);
    expect((await admin.request('POST', '/api/exchange/members/KD%2FGOV%2FCOMMERCE/services', licenceService)).body.error.code).toBe('service_exists');
    const db = platform.database.db;
    const callsLicence = () => mayCall(db, 'KD/GOV/CUSTOMS/clearance', 'KD/GOV/COMMERCE', 'trade-licence', '1.0');
    expect(await callsLicence()).toBe(false);

    const right = { serviceId: service.body.id, client: 'KD/GOV/CUSTOMS' };
    const granted = await admin.request('POST', '/api/exchange/access-rights', right);
    expect(granted).toMatchObject({ status: 201, body: { provider: 'KD/GOV/COMMERCE', serviceCode: 'trade-licence', client: 'KD/GOV/CUSTOMS' } });
    expect(await callsLicence()).toBe(true);
    expect(await mayCall(db, 'KD/GOV/CUSTOMS', 'KD/GOV/COMMERCE', 'trade-licence', '2.0')).toBe(false);
    expect((await admin.request('POST', '/api/exchange/access-rights', right)).body.error.code).toBe('access_right_exists');
    const listed = (await admin.request('GET', '/api/exchange/discovery')).body.services.find((s: { id: string }) => s.id === service.body.id);
    expect(listed).toMatchObject({ requestSchema: licenceService.requestSchema, clients: ['KD/GOV/CUSTOMS'] });

    // A suspended provider answers nobody, until it is active again.
    const commerce = (await admin.request('GET', '/api/exchange/members/KD%2FGOV%2FCOMMERCE')).body.member.id;
    expect((await admin.request('PATCH', `/api/exchange/members/${commerce}`, { status: 'suspended' })).body.status).toBe('suspended');
    expect(await callsLicence()).toBe(false);
    await admin.request('PATCH', `/api/exchange/members/${commerce}`, { status: 'active' });
    expect(await callsLicence()).toBe(true);

    const withdrawn = await admin.request('DELETE', `/api/exchange/access-rights?serviceId=${service.body.id}&client=KD/GOV/CUSTOMS`);
    expect(withdrawn.status).toBe(204);
    expect(await callsLicence()).toBe(false);
    expect((await admin.request('DELETE', `/api/exchange/access-rights?serviceId=${service.body.id}&client=KD/GOV/CUSTOMS`)).status).toBe(404);

    const actions = (await auditActions('exchange.access_granted')).concat(await auditActions('exchange.access_withdrawn'), await auditActions('exchange.member_suspended'));
    expect(actions.map((a) => a.action).sort()).toEqual(['exchange.access_granted', 'exchange.access_withdrawn', 'exchange.member_suspended']);
  });

  it('is managed by platform administrators only', async () => {
    const officer = await signedIn(platform.url, 'fatou.sow', 'en');
    const asOfficer = await officer.request('POST', '/api/exchange/members', { identifier: 'KD/EXT/ROGUE', kind: 'external_system', names });
    expect(asOfficer).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await officer.request('GET', '/api/exchange/members')).status).toBe(403);
    expect((await auditor.request('POST', '/api/exchange/members', { identifier: 'KD/EXT/ROGUE', kind: 'external_system', names })).status).toBe(403);
    expect((await admin.request('GET', '/api/exchange/members/KD%2FEXT%2FROGUE')).body.error.code).toBe('member_not_found');
  });
});
