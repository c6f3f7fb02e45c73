import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCountry } from '../../src/demo/seed.ts';
import { createReferenceData, customsReferenceRoutes, ensureReferenceData } from '../../src/modules/customs/reference/index.ts';
import { sessionRoutes } from '../../src/platform/auth/session-routes.ts';
import { secretBox } from '../../src/platform/crypto/secret-box.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { createHttpServer, type App } from '../../src/platform/http/server.ts';
import { signedIn } from '../support/applications.ts';
import { ApiClient } from '../support/client.ts';
import { openTestDatabase } from '../support/db.ts';
import { referenceFixture, type ReferenceFixture } from './reference-fixture.ts';

/**
 * The platform's HTTP shell with sign-in and the customs reference routes only, over real HTTP
 * (src/app.ts wires the same routes into the whole platform).
 */
let database: DatabaseHandle;
let fixture: ReferenceFixture;
let app: App;
let url: string;
let broker: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  database = await openTestDatabase();
  fixture = await referenceFixture();
  await seedDemoCountry(database.db);
  await ensureReferenceData(database.db, { dir: fixture.dir });
  const { db } = database;
  app = await createHttpServer({ db, logLevel: 'silent', bodyLimit: 1_048_576, defaultLocale: 'fr', staffTotpRequired: false, authAttemptsPerMinute: 10_000, publicUrl: 'http://127.0.0.1', trustProxyHops: 0 });
  sessionRoutes(app, { db, box: secretBox(randomBytes(32)), sessionTtlHours: 12, secureCookies: false, authAttemptsPerMinute: 10_000 });
  customsReferenceRoutes(app, createReferenceData({ db, cacheMs: 0 }));
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  broker = await signedIn(url, 'moussa.traore', 'fr');
  admin = await signedIn(url, 'admin', 'en');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await fixture?.remove();
});

describe('the customs reference API', () => {
  it('is read by any signed-in account and by nobody else', async () => {
    for (const path of ['/api/customs/hs?q=riz', '/api/customs/tariff/lines/1006.30.00.00?date=2026-03-01', '/api/customs/tariff/versions', '/api/customs/countries', '/api/customs/currencies', '/api/customs/offices', '/api/customs/exchange-rates?date=2026-11-23']) {
      expect((await broker.request('GET', path)).status, path).toBe(200);
      expect((await new ApiClient(url).request('GET', path)).status, path).toBe(401);
    }
  });

  it('searches the HS nomenclature in the caller’s language', async () => {
    const french = await broker.request('GET', '/api/customs/hs?q=riz&limit=3');
    expect(french.body.items[0]).toEqual({ code: '10.06', level: 'heading', description: 'Riz', descriptionLocale: 'fr', parent: '10' });
    expect(french.body.items).toHaveLength(3);
    expect((await admin.request('GET', '/api/customs/hs?q=riz&limit=1')).body.items[0]).toMatchObject({ code: '10.06', description: 'Rice', descriptionLocale: 'en' });
    const byCode = await admin.request('GET', '/api/customs/hs?q=2402.20&date=2026-03-01');
    expect(byCode.body.items.map((m: { code: string; level: string }) => `${m.code} ${m.level}`)).toEqual(['2402.20 subheading', '2402.20.00.00 national_line']);
  });

  it('gives a tariff line as in force on a day, with its version and fee rates', async () => {
    const line = await broker.request('GET', '/api/customs/tariff/lines/2402200000?date=2026-03-01');
    expect(line.body).toMatchObject({
      nationalLine: '2402.20.00.00',
      hs6: '240220',
      dutyBand: 20,
      vatPercent: '18',
      excise: { kind: 'ad_valorem', percent: '45' },
      communityPreference: true,
      version: { label: 'Tarif des douanes de Kandara 2026', validFrom: '2026-01-01', validTo: null },
      feeRates: { statisticalFeePercent: '1', communityLevyPercent: '0.5' },
    });
    expect((await broker.request('GET', '/api/customs/tariff/lines/1006.30.00.00?date=2026-03-01')).body.excise).toBeNull();
  });

  it('refuses an unknown line, a day without a tariff and a malformed line with errors pointing at the field', async () => {
    const unknown = await broker.request('GET', '/api/customs/tariff/lines/9999.99.00.00?date=2026-03-01');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'assessment_unknown_tariff_line', details: { fields: [{ path: 'line' }] } });
    expect(unknown.body.error.message).toContain('9999.99.00.00');
    const before = await broker.request('GET', '/api/customs/tariff/lines/1006.30.00.00?date=2025-12-31');
    expect(before.status).toBe(422);
    expect(before.body.error).toMatchObject({ code: 'tariff_not_in_force', message: "Aucune version du tarif n'est en vigueur le 2025-12-31." });
    expect((await broker.request('GET', '/api/customs/tariff/lines/1006.30?date=2026-03-01')).status).toBe(400);
    expect((await broker.request('GET', '/api/customs/tariff/lines/1006300000?date=2026-02-30')).status).toBe(400);
  });

  it('lists versions, countries, currencies, offices and the rates of a day', async () => {
    expect((await admin.request('GET', '/api/customs/tariff/versions')).body.items).toMatchObject([{ label: 'Tarif des douanes de Kandara 2026', lineCount: 5612, feeRates: { statisticalFeePercent: '1' } }]);
    const countries = (await admin.request('GET', '/api/customs/countries')).body.items;
    expect(countries).toHaveLength(250);
    expect(countries.find((c: { code: string }) => c.code === 'CI')).toEqual({ code: 'CI', names: { fr: 'Côte d’Ivoire', ar: 'كوت ديفوار', en: 'Ivory Coast' }, currency: 'XOF', communityMember: true });
    expect((await admin.request('GET', '/api/customs/currencies')).body.items).toContainEqual({ code: 'JPY', numericCode: '392', minorUnit: 0, name: 'Yen' });
    expect((await admin.request('GET', '/api/customs/offices')).body.items.map((o: { code: string; kind: string }) => `${o.code} ${o.kind}`)).toContain('KDKIA01 airport');
    const rates = await admin.request('GET', '/api/customs/exchange-rates?date=2026-11-23');
    expect(rates.body.date).toBe('2026-11-23');
    expect(rates.body.items).toContainEqual({ currency: 'USD', rate: '562.35', validOn: '2026-11-01' });
    expect(rates.body.items).toContainEqual({ currency: 'EUR', rate: '655.957', validOn: '1999-01-01' });
  });

  it('lets the platform administrator publish a rate, audited, and refuses bad ones with the field named', async () => {
    const published = await admin.request('POST', '/api/customs/exchange-rates', { currency: 'GBP', validOn: '2026-11-24', rate: '765.12' });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ currency: 'GBP', validOn: '2026-11-24', rate: '765.12' });
    expect((await broker.request('GET', '/api/customs/exchange-rates?date=2026-11-24')).body.items).toContainEqual({ currency: 'GBP', rate: '765.12', validOn: '2026-11-24' });
    const entry = await database.db.selectFrom('audit_entries').select(['actor_label', 'record_id']).where('action', '=', 'customs.exchange_rate.published').executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor_label: 'Youssouf Camara <admin@demo.guichet.test>', record_id: 'GBP:2026-11-24' });

    const refusals = [
      [{ currency: 'GBP', validOn: '2026-11-25', rate: '0' }, 422, 'exchange_rate_invalid', 'rate'],
      [{ currency: 'GBP', validOn: '2026-11-25', rate: -3 }, 422, 'exchange_rate_invalid', 'rate'],
      [{ currency: 'ZZZ', validOn: '2026-11-25', rate: '3' }, 422, 'currency_unknown', 'currency'],
      [{ currency: 'GBP', validOn: '2026-11-24', rate: '766' }, 409, 'exchange_rate_exists', 'validOn'],
    ] as const;
    for (const [body, status, code, path] of refusals) {
      const answer = await admin.request('POST', '/api/customs/exchange-rates', body);
      expect([answer.status, answer.body.error.code, answer.body.error.details.fields[0].path], JSON.stringify(body)).toEqual([status, code, path]);
    }
    const unknownField = await admin.request('POST', '/api/customs/exchange-rates', { currency: 'GBP', validOn: '2026-11-25', rate: '3', source: 'BCEAO' });
    expect(unknownField.status).toBe(400);
    expect((await broker.request('POST', '/api/customs/exchange-rates', { currency: 'GBP', validOn: '2026-11-26', rate: '765' })).status).toBe(403);
  });
});
