import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/modules/archive/index.ts';
import { jsonFile } from '../../src/modules/archive/package.ts';
import { CANDIDATES } from '../../src/modules/archive/search/query.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { ApiClient } from '../support/client.ts';
import { archiveOf, archivist } from './storage-support.ts';

/**
 * A search matching more texts than it ranks (docs/archive/search.md, "Speed"): hits come from the
 * newest matches, and the total and facets still count every match, exactly, on an index this small.
 */
let platform: TestApp;
let archive: Archive;
let salma: ApiClient;

beforeAll(async () => {
  platform = await startTestApp();
  archive = archiveOf(platform);
  salma = await archivist(platform);
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

describe('a search matching more texts than it ranks', () => {
  it('ranks the newest matches, pages through them without repeating one, and counts every match', async () => {
    const word = `zq${randomUUID().replace(/[^a-f]/g, '').slice(0, 10)}`;
    // Three description rows each (fr, ar, en): more matching texts than are ranked.
    const packages = Math.ceil(CANDIDATES / 3) + 5;
    for (let i = 0; i < packages; i += 1) {
      await archive.ingest({
        sourceType: i % 2 ? 'application' : 'customs_declaration',
        sourceId: randomUUID(),
        reference: `C-${String(i).padStart(4, '0')}`,
        agencyCode: i % 3 ? 'CUSTOMS' : 'COMMERCE',
        retentionClass: 'permits-10y',
        description: { title: { fr: `Registre ${word}`, ar: `سجل ${word}`, en: `Register ${word}` }, creator: { fr: 'x', ar: 'x', en: 'x' }, subject: 'test', date: '2026-03-12', type: 'Collection', language: ['fr'] },
        files: [jsonFile('data/form.json', 'form', { i })],
      });
    }

    const first = await salma.request('GET', `/api/archive/search?q=${word}`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ total: packages, exact: true });
    expect(first.body.facets.agency).toEqual([{ value: 'CUSTOMS', count: packages - Math.ceil(packages / 3) }, { value: 'COMMERCE', count: Math.ceil(packages / 3) }]);
    expect(first.body.facets.recordType.reduce((sum: number, f: { count: number }) => sum + f.count, 0)).toBe(packages);

    const seen: string[] = [];
    for (let page = 1; page <= 5; page += 1) {
      const { body } = await salma.request('GET', `/api/archive/search?q=${word}&page=${page}`);
      seen.push(...body.hits.map((h: { identifier: string }) => h.identifier));
    }
    expect(new Set(seen).size).toBe(seen.length);
    // The oldest packages' texts fall outside the newest ranked ones; the newest is found.
    expect(seen.length).toBeGreaterThanOrEqual(Math.floor(CANDIDATES / 3));
    expect(seen.length).toBeLessThan(packages);
    const newest = await platform.database.db.selectFrom('archive_packages').select('identifier').where('source_reference', '=', `C-${String(packages - 1).padStart(4, '0')}`).orderBy('stored_at', 'desc').executeTakeFirstOrThrow();
    expect(seen).toContain(newest.identifier);
  }, 120_000);
});
