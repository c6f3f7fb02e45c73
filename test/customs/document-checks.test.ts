import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPermit } from '../../src/modules/permits/index.ts';
import { revokePermit } from '../../src/modules/permits/service.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { IMPORTER, startCustomsApp } from '../support/customs.ts';
import { COCOA_CERTIFICATE, holdsOf as holdsOn, joinMinistry, LICENCE, OTHER_IMPORTERS_LICENCE, RICE_CERTIFICATE, riceDeclaration } from '../support/customs-documents.ts';

/**
 * Cited documents confirmed by their issuers over the exchange (issue 6, item 5): the rice licence
 * by Commerce's permit register on Guichet, the phytosanitary certificate by the Ministry of
 * Agriculture's own system, a separate process; quantities held at lodgement, freed on rejection.
 */
const context = systemContext('document checks test');
const year = new Date().getUTCFullYear();

let platform: TestApp;
let broker: ApiClient;
let officer: ApiClient;
let ministry: Awaited<ReturnType<typeof joinMinistry>>;

const db = () => platform.database.db;
const declarationCount = async () => Number((await db().selectFrom('customs_declarations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const holdsOf = (number: string) => holdsOn(platform, number);

beforeAll(async () => {
  platform = await startCustomsApp();
  ministry = await joinMinistry(platform);
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
  officer = await signedIn(platform.url, 'karim.benali', 'en');
});
afterAll(async () => {
  await ministry?.close();
  await platform?.close();
});

describe('confirming cited documents with the agencies that issued them', () => {
  it('confirms the licence and the certificate, holds the declared tonnes on the licence, and frees them when the declaration is rejected', async () => {
    const lodged = await broker.request('POST', '/api/customs/declarations', riceDeclaration(20));
    expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
    expect(lodged.body.awaitingDocuments).toBe(false);
    expect(lodged.body.channel).not.toBeNull();
    const checks = lodged.body.documentChecks as { reference: string; status: string; held: boolean; provider: string; paths: string[]; answer: Record<string, unknown> }[];
    expect(checks.map((c) => [c.reference, c.status, c.held, c.provider, c.paths])).toEqual([
      [LICENCE, 'confirmed', true, 'KD/GOV/COMMERCE', ['items[0].documents[0]']],
      [RICE_CERTIFICATE, 'confirmed', false, 'KD/GOV/AGRICULTURE/phytosanitary', ['items[0].documents[1]']],
    ]);
    expect(checks[0]?.answer).toMatchObject({ status: 'valid', holderMatches: true, coversGoods: true, unit: 'TNE', requested: 20, enough: true });
    expect(checks[1]?.answer).toMatchObject({ status: 'valid', consigneeTaxId: IMPORTER.taxId, matchesHsCode: true });
    expect(await holdsOf(LICENCE)).toContainEqual({ declarationId: lodged.body.id, quantity: 20, state: 'held' });

    const rejected = await officer.request('POST', `/api/customs/declarations/${lodged.body.reference}/reject`, { reason: 'Wrong office of lodgement' });
    expect(rejected.status).toBe(200);
    await platform.bus.drain(db());
    expect(await holdsOf(LICENCE)).toContainEqual({ declarationId: lodged.body.id, quantity: 20, state: 'released' });
    const audit = await db().selectFrom('audit_entries').select(['action', 'actor_label']).where('record_type', '=', 'permit').where('action', 'in', ['permit.quantity_held', 'permit.hold_released']).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'permit.quantity_held', actor_label: 'KD/GOV/CUSTOMS' }, { action: 'permit.hold_released', actor_label: 'KD/GOV/CUSTOMS' }]));
  });

  it('refuses documents that are another importer\'s, unknown, revoked, for other goods or short of quantity, pointing at each citation and storing nothing', async () => {
    const before = await declarationCount();
    const cases: [ReturnType<typeof riceDeclaration>, string, string[]][] = [
      [riceDeclaration(10, OTHER_IMPORTERS_LICENCE), 'items[0].documents[0]', ['declaration_document_other_holder']],
      [riceDeclaration(10, `KD-LIC-${year}-999999`), 'items[0].documents[0]', ['declaration_document_not_found']],
      [riceDeclaration(10, LICENCE, COCOA_CERTIFICATE), 'items[0].documents[1]', ['declaration_document_revoked', 'declaration_document_goods_not_covered']],
      [riceDeclaration(501), 'items[0].documents[0]', ['declaration_document_quantity_insufficient']],
    ];
    for (const [declaration, pointer, codes] of cases) {
      const refused = await broker.request('POST', '/api/customs/declarations', declaration);
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      const fields = refused.body.error.details.fields as { path: string; code: string; params: Record<string, unknown> }[];
      expect(fields.map((f) => f.path)).toEqual(codes.map(() => pointer));
      expect(fields.map((f) => f.code)).toEqual(codes);
    }
    expect(await declarationCount()).toBe(before);
    expect((await holdsOf(OTHER_IMPORTERS_LICENCE)).filter((h) => h.state === 'held')).toEqual([]);
    const short = await broker.request('POST', '/api/customs/declarations', riceDeclaration(501));
    expect(short.body.error.details.fields[0].params).toMatchObject({ document: LICENCE, unit: 'TNE', requested: 501 });
  });

  it('lets only one of two declarations racing for the last tonnes of a licence through', async () => {
    const number = `KD-LIC-${year}-RACE01`;
    await recordPermit(db(), context, { number, type: 'import_licence', agencyCode: 'COMMERCE', holderTaxId: IMPORTER.taxId, holderName: IMPORTER.name, hsPrefix: '1006', unit: 'TNE', quantity: 100, validFrom: `${year}-01-01`, validUntil: `${year + 1}-12-31` });
    for (let round = 0; round < 3; round += 1) {
      const outcomes = await Promise.all([broker.request('POST', '/api/customs/declarations', riceDeclaration(60, number)), broker.request('POST', '/api/customs/declarations', riceDeclaration(60, number))]);
      const statuses = outcomes.map((o) => o.status).sort();
      if (round === 0) {
        expect(statuses).toEqual([201, 422]);
        const loser = outcomes.find((o) => o.status === 422)!;
        expect(loser.body.error.details.fields[0]).toMatchObject({ path: 'items[0].documents[0]', code: 'declaration_document_quantity_insufficient', params: { available: 40, requested: 60 } });
      } else expect(statuses).toEqual([422, 422]);
    }
    const held = (await holdsOf(number)).filter((h) => h.state === 'held');
    expect(held.map((h) => h.quantity)).toEqual([60]);
  });

  it('keeps a declaration awaiting confirmation while the ministry\'s system is down, and goes on once it answers', async () => {
    await ministry.stop();
    const lodged = await broker.request('POST', '/api/customs/declarations', riceDeclaration(5));
    expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
    expect(lodged.body).toMatchObject({ state: 'lodged', channel: null, awaitingDocuments: true });
    const [licence, certificate] = lodged.body.documentChecks;
    expect([licence.status, licence.held, certificate.status]).toEqual(['confirmed', true, 'awaiting']);
    expect(certificate.reason).toMatch(/ECONNREFUSED|connect/);

    expect(await platform.customs.resumeAwaiting()).toBe(0);
    expect((await broker.request('GET', `/api/customs/declarations/${lodged.body.reference}`)).body.state).toBe('lodged');

    await ministry.restart();
    expect(await platform.customs.resumeAwaiting()).toBeGreaterThanOrEqual(1);
    const resumed = (await broker.request('GET', `/api/customs/declarations/${lodged.body.reference}`)).body;
    expect(resumed.awaitingDocuments).toBe(false);
    expect(resumed.channel).not.toBeNull();
    expect(['channel_assigned', 'assessed']).toContain(resumed.state);
    expect(resumed.documentChecks.map((c: { status: string }) => c.status)).toEqual(['confirmed', 'confirmed']);
    expect(resumed.history.map((h: { state: string }) => h.state).slice(0, 3)).toEqual(['lodged', 'checked', 'channel_assigned']);
    expect(await holdsOf(LICENCE)).toContainEqual({ declarationId: resumed.id, quantity: 5, state: 'held' });
  });

  it('rejects a waiting declaration when the answer, once it comes, is a refusal, and frees its hold', async () => {
    const number = `KD-LIC-${year}-REVOK1`;
    await recordPermit(db(), context, { number, type: 'import_licence', agencyCode: 'COMMERCE', holderTaxId: IMPORTER.taxId, holderName: IMPORTER.name, hsPrefix: '1006', unit: 'TNE', quantity: 50, validFrom: `${year}-01-01`, validUntil: `${year + 1}-12-31` });
    await ministry.stop();
    const lodged = await broker.request('POST', '/api/customs/declarations', riceDeclaration(8, number, COCOA_CERTIFICATE));
    expect(lodged.body).toMatchObject({ state: 'lodged', awaitingDocuments: true });
    await revokePermit(db(), context, 'COMMERCE', number, 'Quota cancelled');
    await ministry.restart();
    await platform.customs.resumeAwaiting();
    await platform.bus.drain(db());
    const after = (await broker.request('GET', `/api/customs/declarations/${lodged.body.reference}`)).body;
    expect(after.state).toBe('rejected');
    expect(after.notifications.at(-1)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'declaration_document_revoked', pointer: 'items[0].documents[1]' }), expect.objectContaining({ code: 'declaration_document_goods_not_covered', pointer: 'items[0].documents[1]' })] });
    expect(await holdsOf(number)).toEqual([{ declarationId: lodged.body.id, quantity: 8, state: 'released' }]);
  });
});
