import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { startCustomsApp } from '../support/customs.ts';
import { csvOf, riceLine } from './legacy-files.ts';

let platform: TestApp;
let officer: ApiClient;
beforeAll(async () => {
  platform = await startCustomsApp();
  officer = await signedIn(platform.url, 'karim.benali', 'en');
});
afterAll(async () => {
  await platform?.close();
});

const importCsv = (client: ApiClient, csv: string, fileName = 'sigad-export.csv') => client.request('POST', `/api/legacy/imports?fileName=${fileName}`, csv, { 'content-type': 'text/csv' });

describe('importing the legacy CSV export', () => {
  it('stores each declaration marked as coming from the legacy system, its taxes summed exactly over its item lines', async () => {
    const first = riceLine();
    const secondItem = riceLine({ reference: first.reference, hsCode: '1006.30.00.00', origin: 'VN', value: '200.5', duty: '12000', vat: '0.1' });
    const transit = riceLine({ regime: '80', channel: 'R', releasedAt: '', duty: '0', vat: '0', statisticalFee: '0', communityLevy: '0' });
    const imported = await importCsv(officer, csvOf([first, secondItem, transit]));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body).toMatchObject({ format: 'csv', fileName: 'sigad-export.csv', linesRead: 3, imported: 2, alreadyPresent: 0, rejected: 0, rejections: [] });
    expect(imported.body.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(imported.headers.get('location')).toBe(`/api/legacy/imports/${imported.body.id}`);

    const stored = await officer.request('GET', `/api/legacy/declarations/${first.reference}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      system: 'legacy',
      sourceFormat: 'csv',
      officeCode: 'KDKAN01',
      regime: 'import_home_use',
      channel: 'green',
      lodgedAt: '2025-09-14T08:30:00.000Z',
      releasedAt: '2025-09-15T10:00:00.000Z',
      customsValue: '10000.5',
      taxes: { duty: '600000', vat: '1090000.2', statistical_fee: '0.4', community_levy: '98000', excise: '0' },
      taxesTotal: '1788000.6',
      importRunId: imported.body.id,
    });
    expect(stored.body.items.map((i: { hsCode: string; origin: string }) => [i.hsCode, i.origin])).toEqual([['1006300000', 'TH'], ['1006300000', 'VN']]);
    const second = await officer.request('GET', `/api/legacy/declarations/${transit.reference}`);
    expect(second.body).toMatchObject({ regime: 'transit', channel: 'red', releasedAt: null, taxesTotal: '0' });

    const listed = await officer.request('GET', `/api/legacy/declarations?runId=${imported.body.id}&regime=transit`);
    expect(listed.body.items.map((d: { reference: string }) => d.reference)).toEqual([transit.reference]);
  });

  it('Legacy import idempotent: the same file imported again stores nothing new and changes nothing', async () => {
    const lines = [riceLine(), riceLine(), riceLine({ channel: 'yellow' })];
    const csv = csvOf(lines);
    const first = await importCsv(officer, csv);
    expect(first.body).toMatchObject({ imported: 3, alreadyPresent: 0 });
    const before = await officer.request('GET', `/api/legacy/declarations?runId=${first.body.id}`);

    const again = await importCsv(officer, csv);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ linesRead: 3, imported: 0, alreadyPresent: 3, rejected: 0, digest: first.body.digest });
    expect(again.body.id).not.toBe(first.body.id);
    const after = await officer.request('GET', `/api/legacy/declarations?runId=${first.body.id}`);
    expect(after.body.items).toEqual(before.body.items);
    expect((await officer.request('GET', `/api/legacy/declarations?runId=${again.body.id}`)).body.items).toEqual([]);
    const stored = await platform.database.db.selectFrom('legacy_declarations').select((eb) => eb.fn.countAll<number>().as('n')).where('legacy_reference', 'in', lines.map((l) => l.reference)).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(3);

    // A file that adds to one already imported (an interrupted run, completed) stores only what is new.
    const extended = await importCsv(officer, csvOf([...lines, riceLine()]));
    expect(extended.body).toMatchObject({ imported: 1, alreadyPresent: 3 });
  });

  it('reports each line it cannot map with its line number and reason, and imports the others', async () => {
    const good = [riceLine(), riceLine()];
    const csv = csvOf([
      good[0] as ReturnType<typeof riceLine>,
      riceLine({ regime: 'smuggling' }),
      riceLine({ lodgedAt: '2025-02-30' }),
      riceLine({ value: '-12' }),
      riceLine({ office: 'ZZZZ99' }),
      riceLine({ currency: 'XXQ' }),
      good[1] as ReturnType<typeof riceLine>,
    ]);
    const run = await importCsv(officer, csv);
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({ linesRead: 7, imported: 2, rejected: 5 });
    expect(run.body.rejections.map((r: { line: number; code: string; field: string }) => [r.line, r.code, r.field])).toEqual([
      [3, 'unknown_regime', 'regime'],
      [4, 'bad_date', 'lodgedAt'],
      [5, 'negative_amount', 'items[0].value'],
      [6, 'unknown_office', 'officeCode'],
      [7, 'unknown_currency', 'currency'],
    ]);
    expect(run.body.rejections[0].message).toContain('unknown regime "smuggling"');
    const report = await officer.request('GET', `/api/legacy/imports/${run.body.id}`);
    expect(report.body).toEqual(run.body);
    for (const line of good) expect((await officer.request('GET', `/api/legacy/declarations/${line.reference}`)).status).toBe(200);
  });

  it('reads the fixture export with its bad lines: each named by line, a short line refused on its own', async () => {
    const csv = await fs.readFile(new URL('../fixtures/legacy/export-with-bad-lines.csv', import.meta.url), 'utf8');
    const run = await importCsv(officer, csv, 'export-with-bad-lines.csv');
    expect(run.body).toMatchObject({ linesRead: 8, imported: 2, rejected: 6 });
    expect(run.body.rejections.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [3, 'unknown_regime'],
      [4, 'bad_date'],
      [5, 'negative_amount'],
      [6, 'unknown_office'],
      [7, 'unknown_currency'],
      [8, 'unreadable_line'],
    ]);
  });

  it('imports the shipped samples without a rejection', async () => {
    const csv = await fs.readFile(new URL('../../reference-data/legacy/sigad-export-sample.csv', import.meta.url), 'utf8');
    expect((await importCsv(officer, csv, 'sigad-export-sample.csv')).body).toMatchObject({ linesRead: 6, imported: 5, rejected: 0 });
    const edi = await fs.readFile(new URL('../../reference-data/legacy/sigad-cusdec-sample.edi', import.meta.url), 'utf8');
    const cusdec = await officer.request('POST', '/api/legacy/imports?fileName=sigad-cusdec-sample.edi', edi, { 'content-type': 'application/edifact' });
    expect(cusdec.body).toMatchObject({ linesRead: 2, imported: 2, rejected: 0 });
  });

  it('refuses a file whose header is not the export layout, storing nothing', async () => {
    const runsBefore = (await officer.request('GET', '/api/legacy/imports?limit=200')).body.items.length;
    const refused = await importCsv(officer, 'ref;office;regime\nA;B;C\n');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('legacy_csv_header_invalid');
    expect(refused.body.error.message).toContain('missing columns');
    const json = await officer.request('POST', '/api/legacy/imports', { reference: 'X' });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('legacy_unsupported_media_type');
    expect((await officer.request('GET', '/api/legacy/imports?limit=200')).body.items.length).toBe(runsBefore);
  });

  it('writes one audit entry and one outbox event per run, not one per declaration', async () => {
    const run = await importCsv(officer, csvOf([riceLine(), riceLine(), riceLine()]));
    const { db } = platform.database;
    const audit = await db.selectFrom('audit_entries').select(['action', 'actor_label', 'details']).where('record_id', '=', run.body.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'legacy.import.finished', details: { imported: 3, rejected: 0, format: 'csv' } });
    const events = await db.selectFrom('outbox_events').select('payload').where('topic', '=', 'legacy.import.finished').execute();
    expect(events.filter((e) => (e.payload as { runId: string }).runId === run.body.id).map((e) => e.payload)).toEqual([{ runId: run.body.id, imported: 3 }]);
  });
});

describe('legacy declarations are read-only and for customs staff', () => {
  it('has no route that changes or deletes a legacy declaration', async () => {
    const line = riceLine();
    await importCsv(officer, csvOf([line]));
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const attempt = await officer.request(method, `/api/legacy/declarations/${line.reference}`, method === 'DELETE' ? undefined : { channel: 'red' });
      expect([404, 405], `${method} answered ${attempt.status}`).toContain(attempt.status);
    }
    expect((await officer.request('GET', `/api/legacy/declarations/${line.reference}`)).body.channel).toBe('green');
  });

  it("refuses an import by another agency's officer or by a trader, and reads by a trader", async () => {
    const commerce = await signedIn(platform.url, 'fatou.sow', 'en');
    const refused = await importCsv(commerce, csvOf([riceLine()]));
    expect(refused.status).toBe(403);
    const broker = await signedIn(platform.url, 'ousmane.diop', 'en');
    expect((await importCsv(broker, csvOf([riceLine()]))).status).toBe(403);
    expect((await broker.request('GET', '/api/legacy/declarations')).status).toBe(403);
    const auditor = await signedIn(platform.url, 'leila.haddad', 'en');
    expect((await auditor.request('GET', '/api/legacy/declarations')).status).toBe(200);
  });
});
