import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/modules/archive/index.ts';
import { jsonFile, type PackageFile, type PackageSource } from '../../src/modules/archive/package.ts';
import { createTextRecogniser } from '../../src/modules/archive/scanned/index.ts';
import { createArchiveSearch, type ArchiveSearch } from '../../src/modules/archive/search/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import { ApiClient } from '../support/client.ts';
import { printedRecord, scannedImage } from './scanned-pages.ts';
import { archiveOf, archivist } from './storage-support.ts';

/**
 * Issue 8 item 6: full-text search over descriptions and OCR'd pages in French, Arabic and English,
 * with facets; access levels enforced in the query; access requests for restricted records; every
 * read logged as a PREMIS `access` event.
 */
let platform: TestApp;
let archive: Archive;
let search: ArchiveSearch;
let salma: ApiClient;
let karim: ApiClient;
let visitor: ApiClient;
const db = () => platform.database.db;

/** A word no other text holds, so counts are this test's own. */
const word = () => `zq${randomUUID().replace(/[^a-f]/g, '').slice(0, 10)}`;

function source(agencyCode: string, title: string, options: { sourceType?: PackageSource['sourceType']; retentionClass?: string; files?: PackageFile[] } = {}): PackageSource {
  return {
    sourceType: options.sourceType ?? 'application',
    sourceId: randomUUID(),
    reference: `T-${randomUUID().slice(0, 8).toUpperCase()}`,
    agencyCode,
    retentionClass: options.retentionClass ?? 'permits-10y',
    description: {
      title: { fr: title, ar: title, en: title },
      creator: { fr: agencyCode, ar: agencyCode, en: agencyCode },
      subject: 'test',
      date: '2026-03-12',
      type: 'Collection',
      language: ['fr'],
    },
    files: options.files ?? [jsonFile('data/form.json', 'form', { title })],
  };
}

async function stored(pkg: PackageSource): Promise<string> {
  return (await archive.ingest(pkg)).identifier;
}

async function setLevel(client: ApiClient, identifier: string, level: string) {
  const response = await client.request('PUT', `/api/archive/packages/${identifier}/access-level`, { level, reason: 'Decision of the records committee' });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

const packageId = async (identifier: string) => (await db().selectFrom('archive_packages').select('id').where('identifier', '=', identifier).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  platform = await startTestApp();
  archive = archiveOf(platform);
  search = createArchiveSearch({ db: db(), roots: archive.roots });
  // Karim, a customs officer, is also the Customs archivist here: the producing agency's archivist decides levels and requests.
  const [customs, user] = await Promise.all([
    db().selectFrom('agencies').select('id').where('code', '=', 'CUSTOMS').executeTakeFirstOrThrow(),
    db().selectFrom('users').select('id').where('email', '=', 'karim.benali@demo.guichet.test').executeTakeFirstOrThrow(),
  ]);
  await db().insertInto('role_grants').values({ user_id: user.id, role: 'archivist', agency_id: customs.id }).execute();
  [salma, karim] = await Promise.all([archivist(platform), signedIn(platform.url, 'karim.benali')]);
  visitor = new ApiClient(platform.url);
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

describe('archive search and access', () => {
  it('never shows a restricted or confidential record to the public, not even in facet counts', async () => {
    const shared = word();
    const open = await stored(source('CUSTOMS', `Registre ${shared} ouvert`));
    const restricted = await stored(source('CUSTOMS', `Registre ${shared} réservé`, { retentionClass: 'secret-class' }));
    const confidential = await stored(source('CUSTOMS', `Registre ${shared} confidentiel`, { sourceType: 'customs_declaration' }));
    await setLevel(karim, open, 'public');
    await setLevel(karim, confidential, 'confidential');

    const result = await visitor.request('GET', `/api/public/archive/search?q=${shared}`);
    expect(result.status).toBe(200);
    expect(result.body.hits.map((h: { identifier: string }) => h.identifier)).toEqual([open]);
    expect(result.body.total).toBe(1);
    expect(result.body.facets.agency).toEqual([{ value: 'CUSTOMS', count: 1 }]);
    expect(result.body.facets.class).toEqual([{ value: 'permits-10y', count: 1 }]);
    expect(result.body.facets.recordType).toEqual([{ value: 'application', count: 1 }]);
    expect((await visitor.request('GET', `/api/public/archive/packages/${restricted}`)).status).toBe(404);
    expect((await visitor.request('GET', `/api/public/archive/packages/${restricted}/file?path=data/form.json`)).status).toBe(404);
    // The public reads the open one, and the read is logged without a name.
    expect((await visitor.request('GET', `/api/public/archive/packages/${open}/file?path=data/form.json`)).body).toEqual({ title: expect.stringContaining('ouvert') });
    const logged = await db().selectFrom('archive_events').select('agent').where('package_id', '=', await packageId(open)).where('event_type', '=', 'access').execute();
    expect(logged.map((e) => e.agent)).toEqual([expect.stringMatching(/^anonymous/)]);

    // Staff see more: the National Archives the restricted one, the Customs archivist also the confidential one.
    const ofSalma = await salma.request('GET', `/api/archive/search?q=${shared}`);
    expect(ofSalma.body.hits.map((h: { identifier: string }) => h.identifier).sort()).toEqual([open, restricted].sort());
    const ofKarim = await karim.request('GET', `/api/archive/search?q=${shared}`);
    expect(ofKarim.body.total).toBe(3);
    // Only the agency's archivist sets levels, and each change is audited with its reason.
    const refused = await salma.request('PUT', `/api/archive/packages/${restricted}/access-level`, { level: 'public', reason: 'Decision of the records committee' });
    expect(refused.status).toBe(403);
    const audit = await db().selectFrom('audit_entries').select(['action', 'details']).where('record_id', '=', await packageId(open)).where('action', '=', 'archive.access_level_set').execute();
    expect(audit).toHaveLength(1);
  }, 60_000);

  it('counts facets by agency, record type, year and class on seeded records', async () => {
    const shared = word();
    const seeded = [
      source('CUSTOMS', `Manifeste ${shared}`, { sourceType: 'customs_declaration', retentionClass: 'customs-10y' }),
      source('CUSTOMS', `Manifeste ${shared} bis`, { sourceType: 'customs_declaration', retentionClass: 'customs-10y' }),
      source('CUSTOMS', `Licence ${shared}`, { retentionClass: 'permits-10y' }),
      source('COMMERCE', `Licence ${shared} commerce`, { retentionClass: 'permits-10y' }),
    ];
    // Restricted as ingested: the National Archives' archivist sees all four.
    await Promise.all(seeded.map(stored));
    const result = await salma.request('GET', `/api/archive/search?q=${shared}`);
    expect(result.status).toBe(200);
    expect(result.body.total).toBe(4);
    expect(result.body.facets.agency).toEqual([{ value: 'CUSTOMS', count: 3 }, { value: 'COMMERCE', count: 1 }]);
    expect(result.body.facets.recordType).toEqual([{ value: 'application', count: 2 }, { value: 'customs_declaration', count: 2 }]);
    expect(result.body.facets.class).toEqual([{ value: 'customs-10y', count: 2 }, { value: 'permits-10y', count: 2 }]);
    expect(result.body.facets.year).toEqual([{ value: String(new Date().getUTCFullYear()), count: 4 }]);
    const narrowed = await salma.request('GET', `/api/archive/search?q=${shared}&agency=CUSTOMS&recordType=application`);
    expect(narrowed.body.total).toBe(1);
    expect(narrowed.body.hits[0].snippet.some((p: { text: string; match: boolean }) => p.match && p.text === shared)).toBe(true);
  }, 60_000);

  it('finds a known word on a scanned French page and on a scanned Arabic page, by page', async () => {
    const languageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-ocr-'));
    const recogniser = createTextRecogniser({ languageDir, dpi: 200 });
    try {
      const french = await scannedImage(await printedRecord([{ direction: 'ltr', paragraphs: ['Préfecture du Littoral', 'Le dossier de dédouanement des marchandises a été transmis au bureau.'] }]), 'png', { dpi: 200 });
      const arabic = await scannedImage(await printedRecord([{ direction: 'rtl', paragraphs: ['الأرشيف الوطني', 'أرسلت إدارة الجمارك ملف البضائع إلى مكتب الأرشيف.'] }]), 'jpeg', { dpi: 200 });
      const scan = (name: string, format: string, bytes: Buffer): PackageFile => ({ path: `data/${name}`, role: 'attachment', format, identifiedBy: 'source', content: async () => bytes });
      const identifier = await stored(source('CUSTOMS', 'Dossier numérisé', { files: [scan('page-fr.png', 'image/png', french), scan('page-ar.jpg', 'image/jpeg', arabic)] }));
      const id = await packageId(identifier);
      const files = await db().selectFrom('archive_files').select(['id', 'path']).where('package_id', '=', id).execute();
      const fileAt = (p: string) => files.find((f) => f.path === p)?.id as string;
      const fr = await recogniser.recogniseText({ bytes: french, mediaType: 'image/png' }, ['fra']);
      const ar = await recogniser.recogniseText({ bytes: arabic, mediaType: 'image/jpeg' }, ['ara']);
      expect(await search.indexPages(id, fileAt('data/page-fr.png'), fr.pages, 'fr')).toBe(1);
      expect(await search.indexPages(id, fileAt('data/page-ar.jpg'), ar.pages, 'ar')).toBe(1);

      for (const [q, lang, file] of [['dédouanement', 'fr', 'data/page-fr.png'], ['الجمارك', 'ar', 'data/page-ar.jpg']] as const) {
        const result = await salma.request('GET', `/api/archive/search?q=${encodeURIComponent(q)}&lang=${lang}`);
        expect(result.status, JSON.stringify(result.body)).toBe(200);
        const hit = result.body.hits.find((h: { identifier: string }) => h.identifier === identifier);
        expect(hit, `${q} in ${JSON.stringify(result.body.hits)}`).toMatchObject({ file, page: 1, language: lang });
        expect(hit.snippet.some((p: { match: boolean }) => p.match)).toBe(true);
      }
      // The Arabic configuration folds alef forms: «الارشيف» typed without hamza finds «الأرشيف».
      const folded = await salma.request('GET', `/api/archive/search?q=${encodeURIComponent('الارشيف')}&lang=ar`);
      expect(folded.body.hits.map((h: { identifier: string }) => h.identifier)).toContain(identifier);
    } finally {
      await recogniser.close();
      await fs.rm(languageDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('lets an applicant read a restricted record once an archivist grants the request, each read logged', async () => {
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    const identifier = await stored(source('CUSTOMS', `Registre ${word()} des entrepôts`));
    expect((await awa.request('GET', `/api/archive/records/${identifier}`)).status).toBe(404);

    const tooShort = await awa.request('POST', `/api/archive/packages/${identifier}/access-requests`, { reason: 'thèse' });
    expect(tooShort.status).toBe(400);
    const asked = await awa.request('POST', `/api/archive/packages/${identifier}/access-requests`, { reason: 'Recherche doctorale sur le commerce portuaire' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((await awa.request('POST', `/api/archive/packages/${identifier}/access-requests`, { reason: 'Recherche doctorale, deuxième demande' })).status).toBe(409);
    // Another agency's archivist cannot decide it; the Customs archivist finds it in the queue.
    expect((await salma.request('POST', `/api/archive/access-requests/${asked.body.id}/decision`, { grant: true })).status).toBe(403);
    const queue = await karim.request('GET', '/api/archive/access-requests');
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);
    const granted = await karim.request('POST', `/api/archive/access-requests/${asked.body.id}/decision`, { grant: true, days: 7, note: 'Lecture seule' });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body.state).toBe('granted');
    expect((await karim.request('POST', `/api/archive/access-requests/${asked.body.id}/decision`, { grant: false })).status).toBe(409);
    // The applicant follows the request's state among their own, and sees no one else's.
    const mine = await awa.request('GET', '/api/archive/access-requests/mine');
    expect(mine.body.items.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({ package: identifier, state: 'granted', note: 'Lecture seule', expiresAt: expect.any(String) });
    expect((await karim.request('GET', '/api/archive/access-requests/mine')).body.items).toEqual([]);

    const read = await awa.request('GET', `/api/archive/records/${identifier}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.files.map((f: { path: string }) => f.path)).toContain('data/form.json');
    const file = await awa.request('GET', `/api/archive/records/${identifier}/file?path=data/form.json`);
    expect(file.status).toBe(200);
    expect(file.body.title).toMatch(/^Registre/);

    const user = await db().selectFrom('users').select('id').where('email', '=', 'awa.ndiaye@demo.guichet.test').executeTakeFirstOrThrow();
    const events = await db().selectFrom('archive_events').select(['agent', 'file_id', 'detail']).where('package_id', '=', await packageId(identifier)).where('event_type', '=', 'access').execute();
    expect(events.map((e) => e.agent)).toEqual([`user:${user.id}`, `user:${user.id}`]);
    expect(events.filter((e) => e.file_id !== null)).toHaveLength(1);
    // Still restricted for everyone else.
    expect((await visitor.request('GET', `/api/public/archive/packages/${identifier}`)).status).toBe(404);
  }, 60_000);
});
