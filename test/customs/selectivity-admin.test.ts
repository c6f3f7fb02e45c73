import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { cementItem, declarationOf, startCustomsApp } from '../support/customs.ts';

/** Selectivity kept by customs administrators as data: profiles, reference prices, channel rates. */
let platform: TestApp;
let admin: ApiClient;
let officer: ApiClient;
let broker: ApiClient;

beforeAll(async () => {
  platform = await startCustomsApp();
  admin = await signedIn(platform.url, 'admin', 'en');
  officer = await signedIn(platform.url, 'karim.benali', 'en');
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
});
afterAll(async () => platform?.close());

const cementRed = {
  id: 'cement-turkey-watch',
  names: { fr: 'Ciment de Turquie sous surveillance', ar: 'الإسمنت التركي تحت المراقبة', en: 'Turkish cement under watch' },
  active: true,
  validFrom: '2026-01-01',
  criteria: [{ kind: 'hs_prefix', prefixes: ['2523'] }, { kind: 'origin_in', countries: ['TR'] }],
  score: 10,
  channel: 'red',
};

describe('selectivity administration', () => {
  it('lets a customs administrator add a profile that the next declaration meets, audited, and officers read it', async () => {
    const before = await broker.request('POST', '/api/customs/declarations', declarationOf());
    expect(before.body.channel).not.toBe('red');

    const saved = await admin.request('PUT', `/api/customs/risk-profiles/${cementRed.id}`, cementRed);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await officer.request('GET', '/api/customs/risk-profiles')).body.items.map((p: { id: string }) => p.id)).toContain(cementRed.id);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the risk engine's cache

    const after = await broker.request('POST', '/api/customs/declarations', declarationOf());
    expect(after.body.channel).toBe('red');
    expect(JSON.stringify(after.body.risk)).toContain(cementRed.id);
    const audit = await platform.database.db.selectFrom('audit_entries').select(['action', 'actor_label']).where('action', '=', 'customs.risk_profile_saved').execute();
    expect(audit).toHaveLength(1);

    expect((await admin.request('DELETE', `/api/customs/risk-profiles/${cementRed.id}`)).status).toBe(204);
    expect((await admin.request('DELETE', `/api/customs/risk-profiles/${cementRed.id}`)).status).toBe(404);
  });

  it('refuses a profile that does not read, pointing at the field, and lets no broker or officer change selectivity', async () => {
    const bad = await admin.request('PUT', '/api/customs/risk-profiles/broken', { ...cementRed, id: 'broken', criteria: [{ kind: 'moon_phase' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('risk_profile_invalid');
    expect(bad.body.error.details.fields[0].path).toBe('profiles[0].criteria[0].kind');
    const mismatch = await admin.request('PUT', '/api/customs/risk-profiles/other-id', cementRed);
    expect(mismatch.status).toBe(422);
    expect((await officer.request('PUT', `/api/customs/risk-profiles/${cementRed.id}`, cementRed)).status).toBe(403);
    expect((await broker.request('GET', '/api/customs/risk-profiles')).status).toBe(403);
    expect((await officer.request('GET', '/api/customs/risk-profiles')).body.items.map((p: { id: string }) => p.id)).not.toContain('broken');
  });

  it('keeps reference prices and shows how the channels fell against their targets', async () => {
    const price = await admin.request('PUT', '/api/customs/reference-prices/2523', { pricePerKg: '95.5' });
    expect(price.body).toEqual({ hsPrefix: '2523', pricePerKg: '95.5' });
    expect((await officer.request('GET', '/api/customs/reference-prices')).body.items).toContainEqual(expect.objectContaining({ hsPrefix: '2523', pricePerKg: '95.5' }));
    expect((await admin.request('PUT', '/api/customs/reference-prices/2523', { pricePerKg: '-3' })).status).toBe(400);

    await broker.request('POST', '/api/customs/declarations', declarationOf({ items: [cementItem()] }));
    const today = new Date().toISOString().slice(0, 10);
    const rates = await officer.request('GET', `/api/customs/channel-rates?from=${today}&to=${today}`);
    expect(rates.status).toBe(200);
    expect(rates.body.total).toBeGreaterThanOrEqual(1);
    expect(rates.body.channels.map((c: { channel: string }) => c.channel)).toEqual(['green', 'yellow', 'red', 'blue']);
    expect(rates.body.channels.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(rates.body.total);
  });

  it('spots a consignment split across declarations of the same importer, read from the stored ones', async () => {
    const importer = { taxId: 'KD-2021-007777', name: 'Ciments Découpés SARL', country: 'KD' };
    // Each about 420,000 XOF, under the demo profile's 1,000,000 threshold; three together above it.
    const small = () => declarationOf({ importer, items: [cementItem({ customsValue: '700', quantity: { amount: '5000', unit: 'KGM' }, grossMassKg: '5050', netMassKg: '5000' })] });
    const risks: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const lodged = await broker.request('POST', '/api/customs/declarations', small());
      expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
      risks.push(JSON.stringify(lodged.body.risk));
    }
    expect(risks[0]).not.toContain('split-consignments');
    expect(risks[2]).toContain('split-consignments');
  });
});
