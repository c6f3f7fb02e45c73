import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLegacyDeclarations, type LegacyDeclarations } from '../../src/modules/legacy/index.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { startCustomsApp } from '../support/customs.ts';
import { csvOf, riceLine } from './legacy-files.ts';

let platform: TestApp;
let officer: ApiClient;
let legacy: LegacyDeclarations;
beforeAll(async () => {
  platform = await startCustomsApp();
  officer = await signedIn(platform.url, 'karim.benali', 'en');
  legacy = createLegacyDeclarations({ db: platform.database.db, bus: platform.bus, codes: () => platform.customs.reference.knownCodes() });
});
afterAll(async () => {
  await platform?.close();
});

const context = systemContext('test: legacy import');
const storedCount = async (references: readonly string[]) =>
  Number((await platform.database.db.selectFrom('legacy_declarations').select((eb) => eb.fn.countAll<number>().as('n')).where('legacy_reference', 'in', references).executeTakeFirstOrThrow()).n);

/** The file arriving a line at a time, cut off after `lines` lines as a dropped connection would. */
async function* cutAfter(text: string, lines: number): AsyncGenerator<string> {
  for (const line of text.split('\n').slice(0, lines)) yield `${line}\n`;
  throw new Error('connection reset by peer');
}

describe('an import interrupted half-way', () => {
  it('keeps the batches already stored, and the same file imported again completes it without duplicates', async () => {
    const lines = Array.from({ length: 2500 }, () => riceLine());
    const csv = csvOf(lines);
    const references = lines.map((l) => l.reference);

    // Cut after 1,600 lines: the first batch of 1,000 is committed, the rest is lost.
    await expect(legacy.importAsSystem(context, { format: 'csv', fileName: 'big.csv', body: cutAfter(csv, 1601) })).rejects.toThrow('connection reset by peer');
    expect(await storedCount(references)).toBe(1000);
    const unfinished = (await officer.request('GET', '/api/legacy/imports')).body.items.find((run: { fileName: string }) => run.fileName === 'big.csv');
    expect(unfinished).toMatchObject({ finishedAt: null, imported: 0 });

    const completed = await legacy.importAsSystem(context, { format: 'csv', fileName: 'big.csv', body: csv });
    expect(completed).toMatchObject({ linesRead: 2500, imported: 1500, alreadyPresent: 1000, rejected: 0 });
    expect(await storedCount(references)).toBe(2500);
  });

  it('stores each declaration once when the same file is imported twice at the same time', async () => {
    const lines = Array.from({ length: 1500 }, () => riceLine());
    const csv = csvOf(lines);
    const runs = await Promise.all([0, 1].map(() => legacy.importAsSystem(context, { format: 'csv', fileName: 'twice.csv', body: csv })));
    expect(runs.map((r) => r.imported + r.alreadyPresent)).toEqual([1500, 1500]);
    expect(runs[0]!.imported + runs[1]!.imported).toBe(1500);
    expect(await storedCount(lines.map((l) => l.reference))).toBe(1500);
    // The daily totals count each once too.
    const [total] = await legacy.summary({ from: new Date('2025-09-14T00:00:00Z'), to: new Date('2025-09-15T00:00:00Z') }, []);
    expect(total?.declarations).toBe(await storedCount((await platform.database.db.selectFrom('legacy_declarations').select('legacy_reference').execute()).map((r) => r.legacy_reference)));
  });
});
