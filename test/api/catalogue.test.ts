import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDefinition } from '../../src/modules/catalogue/test-definition.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';

let platform: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  platform = await startTestApp();
  admin = new ApiClient(platform.url);
  await admin.login(demoEmail('admin'));
});
afterAll(async () => platform?.close());

const versionsOf = async (id: string) =>
  (await platform.database.db.selectFrom('procedure_versions').select('version').where('procedure_id', '=', id).execute()).map((r) => r.version);

describe('publishing procedures as data', () => {
  it('publishes a valid definition and lists it, searchable in French, Arabic and English', async () => {
    const definition = { ...aDefinition(), id: 'rice-permit' };
    const published = await admin.request('POST', '/api/catalogue/procedures', definition);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ procedureId: 'rice-permit', version: 1 });
    for (const q of ['permis test', 'رخصة', 'TEST PERMIT', 'Permís']) {
      const found = await new ApiClient(platform.url).request('GET', `/api/catalogue/procedures?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((p: { id: string }) => p.id), q).toContain('rice-permit');
    }
    const none = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures?q=passeport');
    expect(none.body.items.map((p: { id: string }) => p.id)).not.toContain('rice-permit');
    const listed = (await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures?agency=COMMERCE')).body.items.find((p: { id: string }) => p.id === 'rice-permit');
    expect(listed).toMatchObject({ fixedFee: 10000, expectedWorkingDays: 5, agency: 'COMMERCE' });
  });

  it('keeps earlier versions for the applications pinned to them', async () => {
    const v1 = { ...aDefinition(), id: 'versioned-permit' };
    expect((await admin.request('POST', '/api/catalogue/procedures', v1)).status).toBe(201);
    const v2 = { ...v1, version: 2, fees: [{ kind: 'fixed', label: v1.title, amount: 15000 }] };
    expect((await admin.request('POST', '/api/catalogue/procedures', v2)).status).toBe(201);
    const latest = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures/versioned-permit');
    expect(latest.body.version).toBe(2);
    const first = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures/versioned-permit/versions/1');
    expect(first.body.fees).toEqual(v1.fees);
    const again = await admin.request('POST', '/api/catalogue/procedures', v2);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'version_not_next', message: expect.stringContaining('3') });
    expect(await versionsOf('versioned-permit')).toEqual([1, 2]);
  });

  it('refuses an invalid definition with each problem at its path, in the caller’s language, and publishes nothing', async () => {
    const broken = { ...aDefinition(), id: 'broken-permit' };
    broken.workflow.transitions[0]!.to = 'nowhere';
    broken.form.layout[0]!.fields.push('ghost');
    admin.language = 'ar';
    const response = await admin.request('POST', '/api/catalogue/procedures', broken);
    admin.language = 'fr';
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('definition_invalid');
    expect(response.body.error.message).toContain('لم يُنشر شيء');
    expect(response.body.error.details.fields).toEqual(
      expect.arrayContaining([
        { path: '/workflow/transitions/0/to', code: 'unknown_state', params: { state: 'nowhere' }, message: 'حالة غير معروفة: nowhere.' },
        expect.objectContaining({ path: '/form/layout/0/fields/3', code: 'unknown_field' }),
      ]),
    );
    expect(await versionsOf('broken-permit')).toEqual([]);
  });

  it('lets an agency administrator publish for their own agency only, and no officer at all', async () => {
    const commerceAdmin = new ApiClient(platform.url);
    await commerceAdmin.login(demoEmail('mariam.kone'));
    expect((await commerceAdmin.request('POST', '/api/catalogue/procedures', { ...aDefinition(), id: 'commerce-own' })).status).toBe(201);
    const forHealth = await commerceAdmin.request('POST', '/api/catalogue/procedures', { ...aDefinition(), id: 'health-other', agency: 'HEALTH' });
    expect(forHealth.status).toBe(403);
    expect(forHealth.body.error.code).toBe('forbidden_agency');
    const officer = new ApiClient(platform.url);
    await officer.login(demoEmail('fatou.sow'));
    expect((await officer.request('POST', '/api/catalogue/procedures', { ...aDefinition(), id: 'officer-try' })).status).toBe(403);
    expect(await versionsOf('health-other')).toEqual([]);
  });

  it('publishes the definition schema for editors and answers 404 for an unknown procedure', async () => {
    const schema = await new ApiClient(platform.url).request('GET', '/api/catalogue/definition-schema');
    expect(schema.body.properties.workflow.properties.transitions).toBeDefined();
    const missing = await new ApiClient(platform.url).request('GET', '/api/catalogue/procedures/no-such-thing');
    expect(missing.status).toBe(404);
  });
});
