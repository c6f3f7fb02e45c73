import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { BROKER, cementItem, declarationOf, IMPORTER, startCustomsApp } from '../support/customs.ts';

let platform: TestApp;
let broker: ApiClient;
let officer: ApiClient;
beforeAll(async () => {
  platform = await startCustomsApp();
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
  officer = await signedIn(platform.url, 'karim.benali', 'en');
});
afterAll(async () => {
  await platform?.close();
});

const declarationCount = async () => Number((await platform.database.db.selectFrom('customs_declarations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const fieldsOf = (body: { error: { details?: unknown } }) => ((body.error.details as { fields: { path: string; code: string; params: Record<string, unknown> }[] }).fields);

describe('lodging a declaration', () => {
  it('checks, assesses with the rate of the day, routes it, and answers with the WCO-style notifications', async () => {
    const input = declarationOf();
    const lodged = await broker.request('POST', '/api/customs/declarations', input);
    expect(lodged.status).toBe(201);
    const body = lodged.body;
    expect(body.reference).toMatch(/^KDKAN01-\d{4}-\d{6}$/);
    expect(body).toMatchObject({ localReference: input.localReference, version: 1, currency: 'XOF', declaration: input });
    expect(['green', 'blue', 'yellow', 'red']).toContain(body.channel);
    // 3,600 + 5,100 USD at the USD rate of the day, each item converted and rounded to the franc.
    const rate = Number(body.assessment.items[0].customsValue.rate);
    expect(rate).toBeGreaterThan(0);
    expect(body.assessment.items.map((i: { customsValue: { national: number } }) => i.customsValue.national)).toEqual([Math.round(3600 * rate), Math.round(5100 * rate)]);
    expect(body.totalDue).toBe(body.assessment.total);
    expect(body.totalDue).toBeGreaterThan(0);
    expect(body.risk.explanation.length).toBeGreaterThan(0);
    expect(body.history.map((h: { state: string }) => h.state).slice(0, 3)).toEqual(['lodged', 'checked', 'channel_assigned']);
    expect(body.notifications[0]).toMatchObject({ kind: 'accepted', declarationReference: body.reference, localReference: input.localReference, officeCode: 'KDKAN01' });
    if (body.state === 'assessed') {
      expect(body.notifications[1]).toMatchObject({ kind: 'tax_assessed', total: body.totalDue });
    }

    const audit = await platform.database.db.selectFrom('audit_entries').select(['action', 'details']).where('record_id', '=', body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['customs.declaration_lodged']);
    const event = await platform.database.db.selectFrom('outbox_events').select('topic').where('topic', 'like', 'customs.declaration.%').execute();
    expect(event.length).toBeGreaterThan(0);

    // The importer's own staff read it; an officer of another ministry is told it does not exist.
    const importer = await signedIn(platform.url, 'moussa.traore', 'en');
    expect((await importer.request('GET', `/api/customs/declarations/${body.reference}`)).status).toBe(200);
    const commerce = await signedIn(platform.url, 'fatou.sow', 'en');
    expect((await commerce.request('GET', `/api/customs/declarations/${body.reference}`)).status).toBe(404);
    expect((await officer.request('GET', `/api/customs/declarations/${body.reference}`)).status).toBe(200);
  });

  it('lists every problem with the field it is in, and stores nothing', async () => {
    const before = await declarationCount();
    const bad = declarationOf({
      importer: undefined,
      invoiceCurrency: 'ZZZ',
      transport: { mode: 'sea', dispatchCountry: 'QQ', containers: ['CSQU3054384'] },
      items: [cementItem({ hsCode: '9999.99.99.99', origin: 'XX' }), cementItem({ netMassKg: '40000', grossMassKg: '30000', customsValue: '0' })],
    });
    const refused = await broker.request('POST', '/api/customs/declarations', bad);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('declaration_invalid');
    expect(fieldsOf(refused.body).map((f) => `${f.path} ${f.code}`).sort()).toEqual([
      'importer declaration_importer_required',
      'invoiceCurrency declaration_unknown_currency',
      'items[0].hsCode declaration_unknown_hs_code',
      'items[0].origin declaration_unknown_country',
      'items[1].customsValue declaration_not_positive',
      'items[1].netMassKg declaration_net_above_gross',
      'transport.containers[0] declaration_bad_container',
      'transport.dispatchCountry declaration_unknown_country',
    ]);
    expect(refused.body.error.message).not.toContain('errors.');

    const negative = await broker.request('POST', '/api/customs/declarations', declarationOf({ items: [cementItem({ customsValue: '-5' })] }));
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body.error)).toContain('customsValue');
    expect(await declarationCount()).toBe(before);
  });

  it('refuses rice without the licence and the phytosanitary certificate the matrix requires, naming the agencies', async () => {
    const rice = cementItem({ hsCode: '1006.30.00.00', description: 'Thai white rice, 25% broken', origin: 'TH', customsValue: '9200' });
    const refused = await broker.request('POST', '/api/customs/declarations', declarationOf({ items: [rice] }));
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body).map((f) => [f.path, f.code, f.params])).toEqual([
      ['items[0].documents', 'declaration_document_required', { document: 'import_licence', agency: 'COMMERCE' }],
      ['items[0].documents', 'declaration_document_required', { document: 'phytosanitary_certificate', agency: 'AGRICULTURE' }],
    ]);
  });

  it('refuses a second declaration under the same declarant reference, naming the first', async () => {
    const input = declarationOf();
    const first = await broker.request('POST', '/api/customs/declarations', input);
    const second = await broker.request('POST', '/api/customs/declarations', input);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'declaration_local_reference_taken' });
    expect(second.body.error.message).toContain(first.body.reference);
  });

  it('lets only the broker of the company named as declarant lodge', async () => {
    const importer = await signedIn(platform.url, 'moussa.traore', 'en');
    const asImporter = await importer.request('POST', '/api/customs/declarations', declarationOf());
    expect(asImporter.status).toBe(403);
    expect(asImporter.body.error.code).toBe('declaration_not_declarant');
    const citizen = await signedIn(platform.url, 'awa.ndiaye', 'en');
    expect((await citizen.request('POST', '/api/customs/declarations', declarationOf())).body.error.code).toBe('declaration_needs_company');
    expect((await officer.request('POST', '/api/customs/declarations', declarationOf())).status).toBe(403);
  });
});

describe('after lodgement', () => {
  it('versions an amendment, assesses it again and keeps the channel', async () => {
    const input = declarationOf();
    const lodged = (await broker.request('POST', '/api/customs/declarations', input)).body;
    const amended = await broker.request('PUT', `/api/customs/declarations/${lodged.reference}`, {
      declaration: { ...input, items: [input.items[0], { ...input.items[1], customsValue: '5400' }] },
      reason: 'Supplier credit note: white cement was invoiced 300 USD short',
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ version: 2, channel: lodged.channel, state: lodged.state });
    expect(amended.body.totalDue).toBeGreaterThan(lodged.totalDue);
    expect(amended.body.versions.map((v: { version: number; reason: string | null }) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, 'Supplier credit note: white cement was invoiced 300 USD short'],
    ]);
    const audit = await platform.database.db.selectFrom('audit_entries').select('action').where('record_id', '=', lodged.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['customs.declaration_lodged', 'customs.declaration_amended']);
    const otherLrn = await broker.request('PUT', `/api/customs/declarations/${lodged.reference}`, { declaration: { ...input, localReference: 'OTHER-1' }, reason: 'typo' });
    expect(otherLrn.status).toBe(422);
  });

  it('routes cigarettes red: the officer sees them in the queue, inspects, and the outcome raises the importer\'s risk', async () => {
    const cigarettes = cementItem({ hsCode: '2402.20.00.00', description: 'Cigarettes containing tobacco', origin: 'AE', quantity: { amount: '500', unit: 'KGM' }, grossMassKg: '520', netMassKg: '500', customsValue: '12000' });
    const lodged = (await broker.request('POST', '/api/customs/declarations', declarationOf({ items: [cigarettes], transport: { mode: 'sea', dispatchCountry: 'AE', containers: [] } }))).body;
    expect(lodged.channel).toBe('red');
    expect(lodged.state).toBe('channel_assigned');
    expect(JSON.stringify(lodged.risk.hits)).toContain('cigarettes');

    const queue = await officer.request('GET', '/api/customs/queue?channel=red');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((d: { reference: string }) => d.reference)).toContain(lodged.reference);
    expect((await broker.request('GET', '/api/customs/queue')).status).toBe(403);

    const before = await platform.database.db.selectFrom('customs_party_risk').select('score').where('tax_id', '=', IMPORTER.taxId).executeTakeFirst();
    const inspected = await officer.request('POST', `/api/customs/declarations/${lodged.reference}/inspection`, { outcome: 'discrepancy', findings: '520 cartons found against 500 declared' });
    expect(inspected.status).toBe(200);
    expect(inspected.body.state).toBe('assessed');
    expect(inspected.body.inspections).toMatchObject([{ outcome: 'discrepancy', findings: '520 cartons found against 500 declared' }]);
    expect(inspected.body.notifications.map((n: { kind: string }) => n.kind)).toEqual(['accepted', 'tax_assessed']);
    const after = await platform.database.db.selectFrom('customs_party_risk').select(['score', 'discrepancies']).where('tax_id', '=', IMPORTER.taxId).executeTakeFirstOrThrow();
    expect(Number(after.score)).toBeGreaterThan(Number(before?.score ?? 20));
    expect(after.discrepancies).toBeGreaterThanOrEqual(1);
    const broker_ = await platform.database.db.selectFrom('customs_party_risk').select('inspections').where('tax_id', '=', BROKER.taxId).executeTakeFirstOrThrow();
    expect(broker_.inspections).toBeGreaterThanOrEqual(1);

    const twice = await officer.request('POST', `/api/customs/declarations/${lodged.reference}/inspection`, { outcome: 'conform', findings: 'again' });
    expect(twice.status).toBe(409);
  });

  it('rejects on seizure, and an officer may reject with a reason the broker reads', async () => {
    const cigarettes = cementItem({ hsCode: '2402.20.00.00', description: 'Cigarettes', origin: 'AE', customsValue: '100' });
    const seized = (await broker.request('POST', '/api/customs/declarations', declarationOf({ items: [cigarettes] }))).body;
    const report = await officer.request('POST', `/api/customs/declarations/${seized.reference}/inspection`, { outcome: 'seizure', findings: 'Counterfeit brand, goods seized' });
    expect(report.body).toMatchObject({ state: 'rejected', rejection: { code: 'seized' } });
    expect(report.body.notifications.at(-1)).toMatchObject({ kind: 'rejected', errors: [{ code: 'seized', message: 'Counterfeit brand, goods seized' }] });

    const other = (await broker.request('POST', '/api/customs/declarations', declarationOf())).body;
    const rejected = await officer.request('POST', `/api/customs/declarations/${other.reference}/reject`, { reason: 'Invoice does not match the manifest' });
    expect(rejected.body.state).toBe('rejected');
    const seen = await broker.request('GET', `/api/customs/declarations/${other.reference}`);
    expect(seen.body.rejection).toEqual({ reason: 'Invoice does not match the manifest', code: 'rejected_by_officer' });
    expect((await officer.request('POST', `/api/customs/declarations/${other.reference}/reject`, { reason: 'again' })).status).toBe(409);
  });
});
