import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPayload } from '../../src/modules/documents/payload.ts';
import { memberKid } from '../../src/modules/exchange/index.ts';
import { newMessageId } from '../../src/modules/exchange/message-id.ts';
import { signRequest } from '../../src/modules/exchange/signing.ts';
import { kidBytesOf, publicJwkOf } from '../../src/platform/crypto/signing-keys-jwk.ts';
import { approvedFile, eventually, issued } from '../documents/support.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { transitDeclaration } from '../support/federation.ts';
import { startGuichet, type GuichetProcess } from '../support/guichet-process.ts';

/**
 * Two real Guichet instances — country A (KD) and country B (KB), two processes, two ports, two
 * databases — federate through their administrators, exchange a certificate of origin and a
 * transit declaration, and part with one action.
 */
let a: GuichetProcess;
let b: GuichetProcess;
beforeAll(async () => {
  [a, b] = await Promise.all([startGuichet({ EXCHANGE_INSTANCE: 'KD' }), startGuichet({ EXCHANGE_INSTANCE: 'KB' })]);
}, 90_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

type Received = { id: string; kind: string; reference: string; signature: string; signatureReason: string | null; status: string; revokedAt: string | null; certificateStatus: string | null; sender: string };

const receivedAt = async (customs: ApiClient): Promise<Received[]> => {
  const list = await customs.request('GET', '/api/federation/documents');
  expect(list.status).toBe(200);
  return list.body.items;
};

describe('federation of two instances', () => {
  it('trusts an anchor agreed out of band, exchanges verified documents, and ends in one action', async () => {
    const [adminA, adminB] = await Promise.all([signedIn(a.url, 'admin'), signedIn(b.url, 'admin')]);
    const anchorA = (await adminA.request('GET', '/api/federation/anchor')).body;
    const anchorB = (await adminB.request('GET', '/api/federation/anchor')).body;
    expect(anchorA).toMatchObject({ instance: 'KD', kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(anchorB.instance).toBe('KB');

    // Trust is refused when the anchor served is not the one agreed, or the partner is not who it was said to be.
    const wrongAnchor = await adminA.request('POST', '/api/federation/partners', { instance: 'KB', baseUrl: b.url, anchorKid: anchorA.kid });
    expect(wrongAnchor.status).toBe(422);
    expect(wrongAnchor.body.error.code).toBe('anchor_mismatch');
    const wrongInstance = await adminA.request('POST', '/api/federation/partners', { instance: 'KC', baseUrl: b.url, anchorKid: anchorB.kid });
    expect(wrongInstance.body.error.code).toBe('partner_instance_mismatch');

    const established = await adminA.request('POST', '/api/federation/partners', { instance: 'KB', baseUrl: b.url, anchorKid: anchorB.kid });
    expect(established.status).toBe(201);
    expect(established.body).toMatchObject({ instance: 'KB', status: 'active', warnings: [] });
    expect(established.body.members).toContainEqual({ identifier: 'KB/GOV/CUSTOMS', status: 'active' });
    expect(established.body.members.every((m: { identifier: string }) => m.identifier.startsWith('KB/'))).toBe(true);
    const back = await adminB.request('POST', '/api/federation/partners', { instance: 'KD', baseUrl: a.url, anchorKid: anchorA.kid });
    expect(back.status).toBe(201);
    expect(back.body.members).toContainEqual({ identifier: 'KD/GOV/COMMERCE', status: 'active' });
    expect((await adminB.request('POST', '/api/federation/partners', { instance: 'KD', baseUrl: a.url, anchorKid: anchorA.kid })).body.error.code).toBe('federation_exists');

    // Country A issues a certificate of origin: a company files, pays at the desk, Commerce approves.
    const moussa = await signedIn(a.url, 'moussa.traore');
    const file = await approvedFile(a.url, moussa, 'certificate-of-origin');
    const certificate = await issued(moussa, file.id, 'document');
    expect(certificate.type).toBe('certificate_of_origin');

    // Commerce sends it to B's customs; A's customs sends the transit declaration that cites it.
    const commerceA = await signedIn(a.url, 'fatou.sow');
    const customsA = await signedIn(a.url, 'karim.benali');
    expect((await customsA.request('POST', '/api/federation/partners/KB/certificates-of-origin', { documentId: certificate.id })).status).toBe(403);
    const sent = await commerceA.request('POST', '/api/federation/partners/KB/certificates-of-origin', { documentId: certificate.id });
    expect(sent.status).toBe(202);
    const declared = await customsA.request('POST', '/api/federation/partners/KB/transit-declarations', transitDeclaration('KD-T-2026-000017', certificate.number));
    expect(declared.status).toBe(202);

    // B's customs sees both: the certificate's signature verified with A's document keys, and A asked whether it holds.
    const customsB = await signedIn(b.url, 'karim.benali');
    const [receivedCertificate, receivedTransit] = await eventually(async () => {
      const items = await receivedAt(customsB);
      const origin = items.find((d) => d.kind === 'certificate_of_origin' && d.status !== 'checking');
      const transit = items.find((d) => d.kind === 'transit_declaration');
      return origin && transit ? [origin, transit] : null;
    }, 30_000);
    expect(receivedCertificate).toMatchObject({ reference: certificate.number, sender: 'KD/GOV/COMMERCE', signature: 'verified', status: 'valid', revokedAt: null });
    expect(receivedTransit).toMatchObject({ reference: 'KD-T-2026-000017', sender: 'KD/GOV/CUSTOMS', signature: 'none', status: 'received', certificateStatus: 'valid' });

    // A revokes it: it can no longer be sent, and B, asking again, learns it is revoked.
    expect((await commerceA.request('POST', `/api/documents/${certificate.id}/revoke`, { reason: 'Marchandises non originaires' })).status).toBe(200);
    expect((await commerceA.request('POST', '/api/federation/partners/KB/certificates-of-origin', { documentId: certificate.id })).body.error.code).toBe('document_revoked');
    const rechecked = await customsB.request('POST', `/api/federation/documents/${receivedCertificate.id}/check`);
    expect(rechecked.status).toBe(200);
    expect(rechecked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });

    // A certificate signed with a key A's configuration does not publish is refused as an invalid
    // signature, even delivered by a member A vouches for: a system of A's registered by A's
    // administrator, whose exchange key the test holds, mirrored by B at its next synchronisation.
    const system = generateKeyPairSync('ed25519');
    const systemJwk = publicJwkOf(system.publicKey);
    const registered = await adminA.request('POST', '/api/exchange/members', { identifier: 'KD/EXT/BROKER', kind: 'external_system', names: { fr: 'Courtier', ar: 'وسيط', en: 'Broker' } });
    expect(registered.status).toBe(201);
    expect((await adminA.request('POST', `/api/exchange/members/${registered.body.id}/keys`, { jwk: systemJwk })).status).toBe(201);
    const synced = await adminB.request('POST', '/api/federation/partners/KD/sync');
    expect(synced.body.members).toContainEqual({ identifier: 'KD/EXT/BROKER', status: 'active' });
    const customsMemberB = ((await adminB.request('GET', '/api/exchange/members')).body.items as { id: string; identifier: string }[]).find((m) => m.identifier === 'KB/GOV/CUSTOMS')!;
    const services = (await adminB.request('GET', `/api/exchange/members/${customsMemberB.id}`)).body.services as { id: string; code: string }[];
    const receiveService = services.find((s) => s.code === 'receive-certificate-of-origin')!;
    expect((await adminB.request('POST', '/api/exchange/access-rights', { serviceId: receiveService.id, client: 'KD/EXT/BROKER' })).status).toBe(201);
    const forger = generateKeyPairSync('ed25519');
    const forgedId = randomUUID();
    const forgedPayload = sealPayload(
      { id: forgedId, issuer: 'COMMERCE', number: 'COMMERCE-2026-999999', type: 'certificate_of_origin', language: 'fr', holder: { name: 'Société Fantôme SARL', id: null }, fields: [], issuedAt: new Date(), validFrom: '2026-01-01', validUntil: null },
      { kidBytes: kidBytesOf(publicJwkOf(forger.publicKey)), sign: (data) => sign(null, data, forger.privateKey) },
    );
    const forgedMessage = {
      payload: forgedPayload,
      documentId: forgedId,
      number: 'COMMERCE-2026-999999',
      issuer: 'KD/GOV/COMMERCE',
      exporter: { name: 'Société Fantôme SARL', taxId: null, address: 'Nulle part' },
      consignee: { name: 'Textiles du Sahel SARL', address: 'Zone industrielle, Bamako' },
      destinationCountry: 'KB',
      goods: [{ hsCode: '52010000', description: 'Coton fibre', quantity: 27, unit: 't' }],
    };
    const request = {
      method: 'POST',
      targetUri: `${b.url}/exchange/KB/GOV/CUSTOMS/receive-certificate-of-origin/v1`,
      headers: { 'content-type': 'application/json', 'guichet-message-id': newMessageId(), 'guichet-client': 'KD/EXT/BROKER' },
      body: JSON.stringify(forgedMessage),
    };
    const delivered = await fetch(request.targetUri, { method: 'POST', headers: signRequest(request, { keyId: memberKid(systemJwk), privateKey: system.privateKey }), body: request.body });
    expect(delivered.status).toBe(200);
    // Its key is unknown: judged again once A's configuration has been read afresh, then refused.
    expect(await delivered.json()).toMatchObject({ signature: 'pending' });
    const forgery = await eventually(async () => (await receivedAt(customsB)).find((d) => d.reference === 'COMMERCE-2026-999999' && d.signature !== 'pending'), 20_000);
    expect(forgery).toMatchObject({ signature: 'invalid', signatureReason: 'unknown_key', status: 'invalid_signature' });

    // B ends the federation: one action. A's members are suspended at B, so A's next message is refused and nothing is stored.
    const ended = await adminB.request('POST', '/api/federation/partners/KD/end');
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.members.every((m: { status: string }) => m.status === 'suspended')).toBe(true);
    const before = (await receivedAt(customsB)).length;
    const late = await customsA.request('POST', '/api/federation/partners/KB/transit-declarations', transitDeclaration('KD-T-2026-000018', certificate.number));
    expect(late.status).toBe(202);
    const refused = await eventually(async () => {
      const outbox = await adminA.request('GET', '/api/exchange/outbox');
      const entry = outbox.body.items.find((m: { messageId: string }) => m.messageId === late.body.messageId);
      return entry?.status === 'refused' ? entry : null;
    }, 20_000);
    expect(refused.lastError).toContain('member_suspended');
    expect(await receivedAt(customsB)).toHaveLength(before);
    // And what was received before no longer verifies with A's keys: asking A is over.
    expect((await customsB.request('POST', `/api/federation/documents/${receivedCertificate.id}/check`)).body).toMatchObject({ status: 'unavailable', lastError: 'no active federation with KD' });
  }, 90_000);
});
