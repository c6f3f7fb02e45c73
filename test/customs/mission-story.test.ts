import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permitBalance } from '../../src/modules/permits/index.ts';
import type { TestApp } from '../support/app.ts';
import { fileApplication, payAtDesk, signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { startCustomsApp } from '../support/customs.ts';
import { joinMinistry, riceDeclaration } from '../support/customs-documents.ts';
import { approvedFile, eventually, issued } from '../documents/support.ts';
import { answerOnPhone } from '../payments/support.ts';

/**
 * The MISSION story through the API: a trader obtains an import licence for 20 t of rice and a
 * phytosanitary certificate on the platform (the certificate is then recorded in the Ministry of
 * Agriculture's own register, over the exchange); its broker lodges the declaration citing both;
 * both are confirmed over the exchange by their issuers; duties are paid by mobile money; the goods
 * are released and the licence is used up.
 */
let platform: TestApp;
let ministry: Awaited<ReturnType<typeof joinMinistry>>;
let trader: ApiClient;
let broker: ApiClient;
let officer: ApiClient;

beforeAll(async () => {
  platform = await startCustomsApp();
  ministry = await joinMinistry(platform);
  trader = await signedIn(platform.url, 'moussa.traore', 'en');
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
  officer = await signedIn(platform.url, 'karim.benali', 'en');
});
afterAll(async () => {
  await ministry?.close();
  await platform?.close();
});

describe('the rice story', () => {
  it('goes from the licence request to the release, and the licence has nothing left', async () => {
    const file = await approvedFile(platform.url, trader, 'import-licence');
    const licence = await issued(trader, file.id, 'document');
    const permit = await eventually(() => permitBalance(platform.database.db, 'COMMERCE', licence.number).catch(() => null));
    expect(permit).toMatchObject({ holderTaxId: 'KD-2019-004512', hsPrefix: '10063000', unit: 'TNE', quantity: 20, drawn: 0, revoked: false });

    const inspected = await fileApplication(trader, 'phytosanitary-certificate');
    await payAtDesk(platform.url, inspected.id);
    const agronomist = await signedIn(platform.url, 'amina.belkacem', 'en');
    for (const action of ['schedule_inspection', 'approve']) {
      const moved = await agronomist.request('POST', `/api/applications/${inspected.id}/actions`, { action });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    const certificate = await issued(trader, inspected.id, 'document');
    // The ministry's register learns of it from the outbox; its own health page counts what it holds.
    await eventually(async () => {
      await platform.bus.drain(platform.database.db);
      return (await ministry.register()).some((c) => c.number === certificate.number);
    });

    const lodged = await broker.request('POST', '/api/customs/declarations', riceDeclaration(20, licence.number, certificate.number));
    expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
    expect(lodged.body.documentChecks.map((c: { status: string }) => c.status)).toEqual(['confirmed', 'confirmed']);
    let declaration = lodged.body;
    if (declaration.state !== 'assessed') {
      declaration = (await officer.request('POST', `/api/customs/declarations/${declaration.reference}/inspection`, { outcome: 'conform', findings: 'Seals intact, 400 bags of 50 kg' })).body;
    }
    expect(declaration.state).toBe('assessed');

    const intent = await broker.request('POST', '/api/payments/intents', { declarationId: declaration.id, provider: 'mobile_money', phone: '221770000330' }, { 'idempotency-key': randomUUID() });
    expect(intent.status).toBe(201);
    await answerOnPhone(platform, '221770000330', 'confirm');
    await platform.bus.drain(platform.database.db);
    const released = await eventually(async () => {
      const current = (await broker.request('GET', `/api/customs/declarations/${declaration.reference}`)).body;
      return current.state === 'released' && current;
    });
    expect(released.notifications.map((n: { kind: string }) => n.kind).at(-1)).toBe('cleared');
    await eventually(async () => (await permitBalance(platform.database.db, 'COMMERCE', licence.number)).drawn === 20);

    const more = await broker.request('POST', '/api/customs/declarations', riceDeclaration(1, licence.number));
    expect(more.status).toBe(422);
    expect(more.body.error.details.fields[0]).toMatchObject({ path: 'items[0].documents[0]', code: 'declaration_document_quantity_insufficient', params: { available: 0, requested: 1 } });
  });
});
