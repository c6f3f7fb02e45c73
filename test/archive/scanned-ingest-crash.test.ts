import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/applications.ts';
import { guichetInstance, type GuichetInstance } from '../support/guichet-process.ts';
import { eventually } from '../documents/support.ts';
import { longRecord, openBatch, settledBatch, upload } from './scanned-ingest-support.ts';

/**
 * The fault rule of issue 8 item 3 with a real process: `guichet start` is killed (SIGKILL) while
 * it reads a scanned record; nothing of the record is visible, and the next start reads and stores
 * it once. The lease is 3 s here (ARCHIVE_SCAN_LEASE_SECONDS, 120 in production) so the restarted
 * process takes the item up within seconds.
 */
const PAGES = 4;
let instance: GuichetInstance;

beforeAll(async () => {
  instance = await guichetInstance({ ARCHIVE_SCAN_LEASE_SECONDS: '3' });
  await instance.start();
}, 180_000);

afterAll(async () => {
  await instance?.destroy();
});

describe('an ingest of scanned records killed mid-way', () => {
  it('shows nothing of the record while it is cut short, and stores it once after the restart', async () => {
    let salma = await signedIn(instance.url, 'salma.elidrissi');
    const batch = await openBatch(salma);
    const accepted = await upload(salma, batch.id, 'registre-entrees.pdf', await longRecord(PAGES), 'application/pdf');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.pageCount).toBe(PAGES);
    expect((await salma.request('POST', `/api/archive/scanned-batches/${batch.id}/submit`)).status).toBe(200);
    // Caught reading: past its first page, not done.
    const reading = await eventually(async () => {
      const item = (await salma.request('GET', `/api/archive/scanned-batches/${batch.id}`)).body.items[0];
      return item.state === 'recognising' && item.progress >= 0.2 && item.progress < 1 && item;
    }, 60_000);
    expect(await instance.halt('SIGKILL')).toBe('SIGKILL');

    const database = await instance.openDatabase();
    try {
      const item = await database.db.selectFrom('archive_scanned_items').select(['state', 'progress', 'recognised']).where('id', '=', reading.id).executeTakeFirstOrThrow();
      expect(item.state).toBe('recognising');
      expect(item.recognised).toBeNull();
      const packages = await database.db.selectFrom('archive_packages').select('state').where('source_id', '=', reading.id).execute();
      expect(packages.filter((p) => p.state !== 'ingesting')).toEqual([]);
    } finally {
      await database.close();
    }

    await instance.start();
    salma = await signedIn(instance.url, 'salma.elidrissi');
    // Still nothing to see until it is whole.
    expect((await salma.request('GET', `/api/archive/packages?source=${batch.reference}-001`)).body.items).toEqual([]);
    const { batch: done, seen } = await settledBatch(salma, batch.id, 120_000);
    expect(done.items[0]).toMatchObject({ state: 'stored', pages: PAGES, package: expect.stringMatching(/^KD-ARC-/) });
    // Progress is written in tenths, and the second reading went all the way.
    const progress = seen['registre-entrees.pdf'] ?? [];
    expect(progress.filter((p) => Math.abs(p * 10 - Math.round(p * 10)) > 1e-9)).toEqual([]);
    expect(progress.at(-1)).toBe(1);
    const listed = await salma.request('GET', `/api/archive/packages?source=${batch.reference}-001`);
    expect(listed.body.items).toHaveLength(1);
    const stored = await salma.request('GET', `/api/archive/packages/${done.items[0]?.package}`);
    expect(stored.body.files.filter((f: { path: string }) => f.path.startsWith('data/ocr/page-'))).toHaveLength(PAGES);
  }, 240_000);
});
