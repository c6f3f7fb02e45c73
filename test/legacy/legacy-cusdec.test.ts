import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { startCustomsApp } from '../support/customs.ts';
import { createLegacyDeclarations } from '../../src/modules/legacy/index.ts';
import { csvOf, cusdecDeclaration, cusdecOf, riceLine } from './legacy-files.ts';

let platform: TestApp;
let officer: ApiClient;
beforeAll(async () => {
  platform = await startCustomsApp();
  officer = await signedIn(platform.url, 'karim.benali', 'en');
});
afterAll(async () => {
  await platform?.close();
});

/** The number ISO 9735 gives the segment starting at `offset` (UNA not counted; no released apostrophes in these files). */
const segmentNumberAt = (text: string, offset: number) => text.slice(0, offset).split("'").length - 1;

const importEdifact = (text: string) => officer.request('POST', '/api/legacy/imports?fileName=sigad-cusdec.edi', text, { 'content-type': 'application/edifact' });

describe('importing CUSDEC interchanges from the legacy system', () => {
  it('maps the documented segment subset, refuses an unmappable message by its reference and segment, imports the others — once', async () => {
    const green = cusdecDeclaration();
    const red = cusdecDeclaration({ procedure: '10', channel: 'R', released: undefined, duty: '0', vat: '0' });
    const unknownOffice = cusdecDeclaration({ office: 'ZZZZ99' });
    const interchange = cusdecOf([green, red, unknownOffice], [{ reference: 'M9', type: 'CUSCAR' }]);
    const run = await importEdifact(interchange);
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body).toMatchObject({ format: 'cusdec', linesRead: 4, imported: 2, alreadyPresent: 0, rejected: 2 });
    const [office, cuscar] = run.body.rejections;
    const at = interchange.indexOf('LOC+22+ZZZZ99');
    expect(office).toMatchObject({ messageReference: 'M3', reference: unknownOffice.reference, code: 'unknown_office', tag: 'LOC', segment: segmentNumberAt(interchange, at), field: 'officeCode' });
    expect(office.line).toBe(interchange.slice(0, at).split('\n').length);
    expect(cuscar).toMatchObject({ messageReference: 'M9', code: 'not_cusdec', tag: 'UNH' });

    const stored = await officer.request('GET', `/api/legacy/declarations/${green.reference}`);
    expect(stored.body).toMatchObject({
      system: 'legacy',
      sourceFormat: 'cusdec',
      officeCode: 'KDKAN01',
      regime: 'import_home_use',
      channel: 'green',
      lodgedAt: '2025-09-14T08:30:00.000Z',
      releasedAt: '2025-09-15T10:00:00.000Z',
      importerTaxId: 'KD-2019-004512',
      declarantTaxId: 'KD-2015-000871',
      currency: 'USD',
      customsValue: '9800',
      taxes: { duty: '588000', vat: '1090000', statistical_fee: '0', community_levy: '0', excise: '0' },
      taxesTotal: '1678000',
      items: [{ hsCode: '1006300000', description: 'Semi-milled rice, 50 kg bags', origin: 'TH', quantity: { amount: '20000', unit: 'KGM' }, value: '9800' }],
    });
    expect((await officer.request('GET', `/api/legacy/declarations/${red.reference}`)).body).toMatchObject({ regime: 'export', channel: 'red', releasedAt: null });

    const again = await importEdifact(interchange);
    expect(again.body).toMatchObject({ imported: 0, alreadyPresent: 2, rejected: 2 });
  });

  it('refuses a malformed interchange with the segment and position at fault, storing nothing', async () => {
    const declaration = cusdecDeclaration();
    const good = cusdecOf([declaration]);
    // The message trailer states one segment fewer than were sent.
    const miscounted = good.replace(/UNT\+(\d+)\+M1'/, (_all, count: string) => `UNT+${Number(count) - 1}+M1'`);
    const refused = await importEdifact(miscounted);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('legacy_edifact_invalid');
    expect(refused.body.error.details).toMatchObject({ tag: 'UNT', position: miscounted.indexOf('UNT+') });
    expect(refused.body.error.details.segment).toBe(segmentNumberAt(miscounted, miscounted.indexOf('UNT+')));
    expect(refused.body.error.message).toMatch(/segment \d+ \(UNT\), character \d+/);

    const unterminated = await importEdifact(good.slice(0, good.indexOf("LOC+22")) + 'LOC+22+KDKAN01');
    expect(unterminated.status).toBe(422);
    expect(unterminated.body.error.details).toMatchObject({ rule: 'edifact_unterminated_segment' });
    expect((await officer.request('GET', `/api/legacy/declarations/${declaration.reference}`)).status).toBe(404);
  });
});

describe('statistics read the legacy declarations beside the new ones', () => {
  it('streams facts marked legacy and aggregates by office, regime and channel in the database', async () => {
    const legacy = createLegacyDeclarations({ db: platform.database.db, bus: platform.bus, codes: () => platform.customs.reference.knownCodes() });
    const lines = [riceLine({ lodgedAt: '2019-03-01T10:00:00Z', releasedAt: '2019-03-01T16:00:00Z' }), riceLine({ lodgedAt: '2019-03-02T10:00:00Z', releasedAt: '2019-03-03T10:00:00Z', channel: 'red' }), riceLine({ lodgedAt: '2019-04-02T10:00:00Z', releasedAt: '', office: 'KDKIA01' })];
    const run = await officer.request('POST', '/api/legacy/imports', csvOf(lines), { 'content-type': 'text/csv' });
    const period = { from: new Date('2019-01-01T00:00:00Z'), to: new Date('2020-01-01T00:00:00Z'), runId: run.body.id };

    const facts = [];
    for await (const fact of legacy.facts(period)) facts.push(fact);
    expect(facts.map((f) => [f.system, f.reference, f.officeCode])).toEqual(lines.map((l) => ['legacy', l.reference, l.office]));
    expect(facts[0]).toMatchObject({ regime: 'import_home_use', channel: 'green', lodgedAt: new Date('2019-03-01T10:00:00Z'), taxesTotal: '1727000.3' });

    const sorted = (rows: Awaited<ReturnType<typeof legacy.summary>>) => rows.sort((a, b) => `${a.office}${a.month}`.localeCompare(`${b.office}${b.month}`));
    // One import run: counted from the declarations themselves.
    const byOfficeMonth = sorted(await legacy.summary(period, ['office', 'month']));
    expect(byOfficeMonth).toEqual([
      { system: 'legacy', office: 'KDKAN01', month: '2019-03', declarations: 2, released: 2, taxesTotal: '3454000.6', meanReleaseHours: 15 },
      { system: 'legacy', office: 'KDKIA01', month: '2019-04', declarations: 1, released: 0, taxesTotal: '1727000.3', meanReleaseHours: null },
    ]);
    // Whole days, every run: read from the daily totals, which must say the same — also after the file is imported again.
    await officer.request('POST', '/api/legacy/imports', csvOf(lines), { 'content-type': 'text/csv' });
    const wholeYear = { from: period.from, to: period.to };
    expect(sorted(await legacy.summary(wholeYear, ['office', 'month']))).toEqual(byOfficeMonth);
    expect(await legacy.summary({ ...wholeYear, channel: 'red' }, [])).toEqual([{ system: 'legacy', declarations: 1, released: 1, taxesTotal: '1727000.3', meanReleaseHours: 24 }]);
  });
});
