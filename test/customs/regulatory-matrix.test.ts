import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import { cementItem, declarationOf, startCustomsApp } from '../support/customs.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startCustomsApp();
});
afterAll(async () => {
  await platform?.close();
});

describe('the regulatory matrix', () => {
  it('is kept by administrators, audited, read by brokers, and applied to the next declaration', async () => {
    const admin = await signedIn(platform.url, 'admin', 'en');
    const broker = await signedIn(platform.url, 'ousmane.diop', 'en');
    const shipped = await broker.request('GET', '/api/customs/regulatory-rules');
    expect(shipped.status).toBe(200);
    expect(shipped.body.items.filter((r: { hsPrefix: string }) => r.hsPrefix === '1006').map((r: { documentType: string; agencyCode: string }) => `${r.documentType}/${r.agencyCode}`).sort()).toEqual(['import_licence/COMMERCE', 'phytosanitary_certificate/AGRICULTURE']);

    // Cement from outside the community now needs an import licence from Commerce.
    const created = await admin.request('POST', '/api/customs/regulatory-rules', { hsPrefix: '2523', regime: 'import_home_use', origin: null, documentType: 'import_licence', agencyCode: 'COMMERCE', note: 'Safeguard on cement imports' });
    expect(created.status).toBe(201);
    const refused = await broker.request('POST', '/api/customs/declarations', declarationOf({ items: [cementItem()] }));
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.fields).toEqual([expect.objectContaining({ path: 'items[0].documents', code: 'declaration_document_required', params: { document: 'import_licence', agency: 'COMMERCE' } })]);

    const duplicate = await admin.request('POST', '/api/customs/regulatory-rules', { hsPrefix: '2523', regime: 'import_home_use', origin: null, documentType: 'import_licence', agencyCode: 'COMMERCE' });
    expect(duplicate.status).toBe(409);
    const unknownAgency = await admin.request('POST', '/api/customs/regulatory-rules', { hsPrefix: '2524', regime: null, origin: null, documentType: 'import_licence', agencyCode: 'NOWHERE' });
    expect(unknownAgency.status).toBe(422);
    expect(unknownAgency.body.error.details.fields[0].path).toBe('agencyCode');

    const off = await admin.request('PATCH', `/api/customs/regulatory-rules/${created.body.id}`, { active: false });
    expect(off.body.active).toBe(false);
    expect((await broker.request('POST', '/api/customs/declarations', declarationOf({ items: [cementItem()] }))).status).toBe(201);
    expect((await broker.request('GET', '/api/customs/regulatory-rules?all=true')).body.items.some((r: { id: string; active: boolean }) => r.id === created.body.id && !r.active)).toBe(true);

    const audit = await platform.database.db.selectFrom('audit_entries').select('action').where('record_id', '=', created.body.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['customs.rule_created', 'customs.rule_updated']);
  });

  it('may be changed by the customs administration only', async () => {
    const body = { hsPrefix: '3002', regime: null, origin: null, documentType: 'pharmaceutical_import_authorisation', agencyCode: 'HEALTH' };
    const commerceAdmin = await signedIn(platform.url, 'mariam.kone', 'en');
    expect((await commerceAdmin.request('POST', '/api/customs/regulatory-rules', body)).status).toBe(403);
    const officer = await signedIn(platform.url, 'karim.benali', 'en');
    expect((await officer.request('POST', '/api/customs/regulatory-rules', body)).status).toBe(403);
    const admin = await signedIn(platform.url, 'admin', 'en');
    const tooShort = await admin.request('POST', '/api/customs/regulatory-rules', { ...body, hsPrefix: '3' });
    expect(tooShort.status).toBe(400);
    expect(JSON.stringify(tooShort.body.error)).toContain('hsPrefix');
  });
});
