import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullLegacyRun, storeFacts, type DeclarationFact, type LegacyDeclaration } from '../../src/modules/oversight/index.ts';
import { recordPermit } from '../../src/modules/permits/index.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { declarationOf, IMPORTER, startCustomsApp } from '../support/customs.ts';
import { approvedFile } from '../documents/support.ts';
import { csvOf as legacyCsvOf, riceLine } from '../legacy/legacy-files.ts';

/**
 * The oversight dashboards (issue 7, item 4): figures checked against what the seeded data makes
 * of them by hand. Declarations go the whole way through the real customs service (lodged,
 * inspected when routed so, paid at the desk, released) and reach the read model from the outbox;
 * a past month is written straight into the read model with round numbers, and a legacy run is
 * pulled in, so medians, histogram classes and revenue are known exactly.
 */
let platform: TestApp;
let broker: ApiClient;
let officer: ApiClient;
let cashier: ApiClient;
let auditor: ApiClient;
let commerceClerk: ApiClient;

const db = () => platform.database.db;
const today = new Date().toISOString().slice(0, 10);
const settled = async () => {
  for (let i = 0; i < 3; i += 1) await platform.bus.drain(db());
};

interface Seeded {
  id: string;
  reference: string;
  officeCode: string;
  channel: string;
  totals: { code: string; amount: number }[];
  paid: boolean;
}
const seeded: Seeded[] = [];

/** Lodges a cement declaration at an office; an officer inspects it when selectivity routed it to yellow or red; paid at the desk when asked. */
async function declaration(officeCode: string, pay: boolean): Promise<void> {
  const lodged = await broker.request('POST', '/api/customs/declarations', declarationOf({ officeCode }));
  expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
  if (lodged.body.state !== 'assessed') {
    const inspected = await officer.request('POST', `/api/customs/declarations/${lodged.body.reference}/inspection`, { outcome: 'conform', findings: 'As declared' });
    expect(inspected.body.state).toBe('assessed');
  }
  if (pay) {
    const paid = await cashier.request('POST', '/api/payments/counter', { declarationId: lodged.body.id, receipt: `OV-${lodged.body.id.slice(0, 8)}` }, { 'idempotency-key': `ov-${lodged.body.id}` });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  }
  seeded.push({ id: lodged.body.id, reference: lodged.body.reference, officeCode, channel: lodged.body.channel, totals: lodged.body.assessment.totals, paid: pay });
}

/** A past month's declaration written straight into the read model, with round figures. */
const pastFact = (n: number, fields: Partial<DeclarationFact>): DeclarationFact => ({
  system: 'guichet',
  source_id: `past-${n}`,
  reference: `KDKAN01-2025-9000${n}`,
  office_code: 'KDKAN01',
  regime: 'import_home_use',
  channel: 'green',
  state: 'released',
  lodged_on: '2025-03-03',
  lodged_at: new Date('2025-03-03T08:00:00Z'),
  paid_on: '2025-03-03',
  released_at: null,
  clearance_seconds: null,
  duty: 0,
  statistical_fee: 0,
  community_levy: 0,
  excise: 0,
  vehicle_surcharge: 0,
  vat: 0,
  risk_hits: [],
  inspection_outcome: null,
  progress: 5,
  ...fields,
});

async function* legacyRun(): AsyncIterable<LegacyDeclaration> {
  const taxes = { duty: '1000', vat: '500.4', statistical_fee: '0', community_levy: '0', excise: '0' };
  yield { reference: 'SIGAD-2025-1', officeCode: 'KDKAN01', regime: 'import_home_use', channel: null, lodgedAt: new Date('2025-03-10T09:00:00Z'), releasedAt: new Date('2025-03-11T09:00:00Z'), taxes };
  yield { reference: 'SIGAD-2025-2', officeCode: 'KDMRB01', regime: 'export', channel: 'green', lodgedAt: new Date('2025-03-12T09:00:00Z'), releasedAt: null, taxes };
  yield { reference: 'SIGAD-2025-3', officeCode: 'KDKAN01', regime: 'import_home_use', channel: null, lodgedAt: new Date('2025-04-01T09:00:00Z'), releasedAt: null, taxes };
}

beforeAll(async () => {
  platform = await startCustomsApp();
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
  officer = await signedIn(platform.url, 'karim.benali', 'en');
  cashier = await signedIn(platform.url, 'ibrahima.fall', 'en');
  auditor = await signedIn(platform.url, 'leila.haddad', 'en');
  commerceClerk = await signedIn(platform.url, 'fatou.sow', 'en');
  await declaration('KDKAN01', true);
  await declaration('KDKAN01', true);
  await declaration('KDKAN01', true);
  await declaration('KDMRB01', false);
  await settled();
  await storeFacts(db(), [
    pastFact(1, { clearance_seconds: 1_800, released_at: new Date('2025-03-03T08:30:00Z'), duty: 10_000, vat: 5_000 }),
    pastFact(2, { clearance_seconds: 5_400, released_at: new Date('2025-03-03T09:30:00Z'), channel: 'yellow', duty: 20_000, vat: 7_000, risk_hits: ['cement_route:origin_route'], inspection_outcome: 'conform' }),
    pastFact(3, { clearance_seconds: 36_000, released_at: new Date('2025-03-03T18:00:00Z'), channel: 'red', office_code: 'KDMRB01', duty: 40_000, risk_hits: ['cement_route:origin_route', 'undervalued:undervaluation'], inspection_outcome: 'discrepancy' }),
  ]);
  expect(await pullLegacyRun(db(), legacyRun, 'run-1')).toBe(3);
}, 120_000);
afterAll(async () => {
  await platform?.close();
});

/** The order of the read model's tax columns, which the revenue rows follow. */
const TAX_ORDER = ['duty', 'statistical_fee', 'community_levy', 'excise', 'vehicle_surcharge', 'vat'];
/** A CSV answer's text, after checking it starts with the UTF-8 byte order mark spreadsheets need for Arabic. */
async function csvText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8');
}
const figure = (client: ApiClient, name: string, query = '') => client.request('GET', `/api/oversight/${name}${query}`);

describe('customs dashboards', () => {
  it('counts the declarations lodged today by regime and channel, as the outbox brought them in', async () => {
    const { status, body } = await figure(officer, 'declarations-per-day', `?from=${today}&to=${today}`);
    expect(status, JSON.stringify(body)).toBe(200);
    const expected = new Map<string, number>();
    for (const d of seeded) expected.set(d.channel, (expected.get(d.channel) ?? 0) + 1);
    expect(body.period).toEqual({ from: today, to: today });
    expect(body.rows).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)).map(([channel, count]) => ({ day: today, regime: 'import_home_use', channel, count })));
    // The office filter keeps the one declaration lodged at Marbéla.
    const marbela = await figure(officer, 'declarations-per-day', `?from=${today}&to=${today}&officeCode=KDMRB01`);
    expect(marbela.body.rows).toEqual([{ day: today, regime: 'import_home_use', channel: seeded[3]!.channel, count: 1 }]);
  });

  it('gives the clearance time of the released ones: the median of 30 min, 1 h 30, 10 h and 24 h is 5 h 45, each in its class', async () => {
    const { body } = await figure(auditor, 'clearance-time', '?from=2025-03-01&to=2025-03-31');
    // Three of Guichet's in March 2025 and the legacy record released after 24 h: 1 800, 5 400, 36 000, 86 400 s → median (5 400 + 36 000) / 2.
    expect(body.overall).toEqual({ released: 4, medianSeconds: 20_700, p90Seconds: expect.any(Number) });
    expect(body.byChannel).toEqual([
      { channel: 'green', released: 1, medianSeconds: 1_800, p90Seconds: 1_800 },
      { channel: 'none', released: 1, medianSeconds: 86_400, p90Seconds: 86_400 },
      { channel: 'red', released: 1, medianSeconds: 36_000, p90Seconds: 36_000 },
      { channel: 'yellow', released: 1, medianSeconds: 5_400, p90Seconds: 5_400 },
    ]);
    expect(body.histogram.map((c: { count: number }) => c.count)).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 0]);
    expect(body.histogram[4]).toEqual({ fromSeconds: 28_800, toSeconds: 86_400, count: 1 });
    // Guichet's own declarations of today went from lodgement to release through the outbox.
    const released = await Promise.all(seeded.filter((d) => d.paid).map(async (d) => (await officer.request('GET', `/api/customs/declarations/${d.reference}`)).body));
    expect(released.map((d) => d.state)).toEqual(['released', 'released', 'released']);
    const seconds = released.map((d) => Math.round((Date.parse(d.releasedAt) - Date.parse(d.lodgedAt)) / 1000)).sort((a, b) => a - b);
    const now = await figure(officer, 'clearance-time', `?from=${today}&to=${today}`);
    expect(now.body.overall).toMatchObject({ released: 3, medianSeconds: seconds[1] });
  });

  it('sums the duties and taxes collected by tax and office, on the day they were paid', async () => {
    const march = await figure(officer, 'revenue', '?from=2025-03-01&to=2025-03-31&system=guichet');
    expect(march.body.currency).toBe('XOF');
    expect(march.body.rows).toEqual([
      { officeCode: 'KDKAN01', tax: 'duty', amount: 30_000 },
      { officeCode: 'KDKAN01', tax: 'vat', amount: 12_000 },
      { officeCode: 'KDMRB01', tax: 'duty', amount: 40_000 },
    ]);
    // Today: the three paid declarations' assessed totals, the unpaid one not at all.
    const expected = new Map<string, number>();
    for (const d of seeded.filter((s) => s.paid)) for (const t of d.totals) expected.set(t.code, (expected.get(t.code) ?? 0) + t.amount);
    const now = await figure(officer, 'revenue', `?from=${today}&to=${today}`);
    expect(now.body.rows.filter((r: { amount: number }) => r.amount > 0)).toEqual(
      TAX_ORDER.filter((tax) => (expected.get(tax) ?? 0) > 0).map((tax) => ({ officeCode: 'KDKAN01', tax, amount: expected.get(tax) })),
    );
  });

  it('sets the declarations through Guichet beside those through the legacy system, month by month', async () => {
    const { body } = await figure(officer, 'systems-share', '?from=2025-03-01&to=2025-04-30');
    expect(body.months).toEqual([
      { month: '2025-03', guichet: 3, legacy: 2, guichetShare: 0.6 },
      { month: '2025-04', guichet: 0, legacy: 1, guichetShare: 0 },
    ]);
  });

  it('ranks the risk criteria that hit and counts the inspection outcomes by channel', async () => {
    const { body } = await figure(officer, 'risk', '?from=2025-03-01&to=2025-03-31&system=guichet');
    expect(body.criteria).toEqual([
      { profileId: 'cement_route', criterion: 'origin_route', count: 2 },
      { profileId: 'undervalued', criterion: 'undervaluation', count: 1 },
    ]);
    expect(body.inspections).toEqual([
      { channel: 'green', outcome: 'none', count: 1 },
      { channel: 'red', outcome: 'discrepancy', count: 1 },
      { channel: 'yellow', outcome: 'conform', count: 1 },
    ]);
  });

  it("pulls a legacy import run in once the legacy module says it finished, and counts it beside Guichet's", async () => {
    const lines = [riceLine(), riceLine({ office: 'KDMRB01', channel: 'red' })];
    const run = await officer.request('POST', '/api/legacy/imports?fileName=sigad-september.csv', legacyCsvOf(lines), { 'content-type': 'text/csv' });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    await settled();
    const share = await figure(officer, 'systems-share', '?from=2025-09-01&to=2025-09-30');
    expect(share.body.months).toEqual([{ month: '2025-09', guichet: 0, legacy: 2, guichetShare: 0 }]);
    // Collected on the day of release (the legacy system kept no payment day): 588 000 of duty each.
    const revenue = await figure(officer, 'revenue', '?from=2025-09-15&to=2025-09-15&system=legacy');
    expect(revenue.body.rows.filter((r: { tax: string }) => r.tax === 'duty')).toEqual([
      { officeCode: 'KDKAN01', tax: 'duty', amount: 588_000 },
      { officeCode: 'KDMRB01', tax: 'duty', amount: 588_000 },
    ]);
  });

  it('exports a figure as CSV with its header in the language asked', async () => {
    const response = await fetch(`${platform.url}/api/oversight/systems-share?from=2025-03-01&to=2025-04-30&format=csv`, { headers: { cookie: officer.cookie!, 'accept-language': 'en' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="systems-share-2025-03-01-2025-04-30.csv"');
    expect(await csvText(response)).toBe('Month,Guichet,Legacy system,Guichet share\r\n2025-03,3,2,0.6\r\n2025-04,0,1,0\r\n');
    const arabic = await fetch(`${platform.url}/api/oversight/revenue?from=2025-03-01&to=2025-03-31&format=csv&lang=ar`, { headers: { cookie: officer.cookie! } });
    const [header, first] = (await csvText(arabic)).split('\r\n');
    expect(header).toBe('المكتب,الرسم,المبلغ,العملة');
    // Both systems: the legacy record released at Kandara on 11 March adds its 1 000 of duty.
    expect(first).toBe('KDKAN01,duty,31000,XOF');
  });

  it('refuses a period turned around, longer than a year, an unknown office and an unknown filter, each precisely', async () => {
    const reversed = await figure(officer, 'revenue', '?from=2025-04-01&to=2025-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error).toMatchObject({ code: 'oversight_period_reversed', details: { fields: [expect.objectContaining({ path: 'querystring.from' })] } });
    expect((await figure(officer, 'revenue', '?from=2024-01-01&to=2025-03-01')).body.error.code).toBe('oversight_period_too_long');
    expect((await figure(officer, 'revenue', '?from=2025-02-30')).body.error.code).toBe('oversight_day_invalid');
    const office = await figure(officer, 'revenue', '?officeCode=KDXXX99');
    expect(office.status).toBe(400);
    expect(office.body.error.code).toBe('oversight_office_unknown');
    expect(office.body.error.message).toContain('KDXXX99');
    expect((await figure(officer, 'revenue', '?agency=COMMERCE')).status).toBe(400);
  });

  it("keeps customs figures from a Ministry of Commerce clerk and from applicants", async () => {
    const refused = await figure(commerceClerk, 'revenue');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden_agency');
    expect((await figure(broker, 'clearance-time')).status).toBe(403);
  });
});

describe('ministry dashboards', () => {
  beforeAll(async () => {
    const context = systemContext('oversight test');
    const permit = (number: string, agencyCode: string, quantity: number) =>
      recordPermit(db(), context, { number, type: 'test_quota', agencyCode, holderTaxId: IMPORTER.taxId, holderName: IMPORTER.name, hsPrefix: '1006', unit: 'TNE', quantity, validFrom: '2026-01-01', validUntil: '2099-12-31' });
    await permit('OV-COM-1', 'COMMERCE', 100);
    await permit('OV-COM-2', 'COMMERCE', 50);
    const health = await permit('OV-HEA-1', 'HEALTH', 10);
    // A declaration released against the Health permit drew 4 of its 10 today (as the settle service leaves it).
    await db().insertInto('permit_holds').values({ permit_id: health, declaration_id: 'declaration-ov-1', quantity: 4, state: 'drawn', settled_at: new Date() }).execute();
    await approvedFile(platform.url, await signedIn(platform.url, 'moussa.traore', 'en'), 'import-licence');
  }, 60_000);

  it("shows a Commerce clerk the Ministry of Commerce's licence usage and nothing of Health's", async () => {
    const { status, body } = await figure(commerceClerk, 'licences', `?from=${today}&to=${today}`);
    expect(status).toBe(200);
    expect(body.rows.every((r: { agencyCode: string }) => r.agencyCode === 'COMMERCE')).toBe(true);
    expect(body.rows.find((r: { type: string }) => r.type === 'test_quota')).toEqual({ agencyCode: 'COMMERCE', type: 'test_quota', unit: 'TNE', issued: 2, active: 2, authorised: 150, drawn: 0, drawingDeclarations: 0, heldNow: 0 });
    const health = await figure(commerceClerk, 'licences', '?agency=HEALTH');
    expect(health.status).toBe(403);
    expect(health.body.error.code).toBe('forbidden_agency');
    expect((await figure(commerceClerk, 'licences', '?agency=NOWHERE')).body.error.code).toBe('oversight_agency_unknown');
  });

  it('shows the auditor every agency, Health drawn down by a released declaration', async () => {
    const { body } = await figure(auditor, 'licences', `?from=${today}&to=${today}&agency=HEALTH`);
    expect(body.rows.every((r: { agencyCode: string }) => r.agencyCode === 'HEALTH')).toBe(true);
    expect(body.rows.filter((r: { type: string }) => r.type === 'test_quota')).toEqual([{ agencyCode: 'HEALTH', type: 'test_quota', unit: 'TNE', issued: 1, active: 1, authorised: 10, drawn: 4, drawingDeclarations: 1, heldNow: 0 }]);
  });

  it("measures the ministry's procedures: the import licence filed and decided today, on time", async () => {
    const { status, body } = await figure(commerceClerk, 'procedures', `?from=${today}&to=${today}`);
    expect(status).toBe(200);
    const licence = body.rows.find((r: { procedureId: string }) => r.procedureId === 'import-licence');
    expect(licence).toMatchObject({ agencyCode: 'COMMERCE', submitted: 1, decided: 1, onTime: 1, overdueNow: 0 });
    expect(licence.medianDays).toBeGreaterThanOrEqual(0);
    expect(licence.medianDays).toBeLessThan(0.01);
    const csv = await fetch(`${platform.url}/api/oversight/procedures?from=${today}&to=${today}&format=csv&lang=fr`, { headers: { cookie: commerceClerk.cookie! } });
    expect((await csvText(csv)).split('\r\n')[0]).toBe('Administration,Procédure,Déposés,Décidés,Délai médian (jours),Délai au 90e centile (jours),Dans les délais,En retard aujourd’hui');
  });
});
