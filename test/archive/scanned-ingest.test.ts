import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { MAX_ATTEMPTS } from '../../src/modules/archive/scanned-ingest/processor.ts';
import type { PackageSource } from '../../src/modules/archive/package.ts';
import { printedRecord, scannedImage } from './scanned-pages.ts';
import { ARABIC_WORD, arabicPage, FRENCH_WORD, frenchPage, openBatch, settledBatch, upload, type BatchItem } from './scanned-ingest-support.ts';
import { archivist, copyPath, sha256 } from './storage-support.ts';

/**
 * Issue 8 item 3: archivists ingest scanned paper records in batches — files identified by their
 * signature and refused whole when wrong, read by OCR in the background, stored as packages whose
 * words search finds — and an ingest cut short shows nothing half-done and is carried on.
 */
let platform: TestApp;
let salma: ApiClient;
let french: Buffer;
let arabic: Buffer;
const db = () => platform.database.db;
const primaryDir = () => path.join(platform.dataDir, 'archive', 'primary');
const stagedCopyExists = (bytes: Buffer) => fs.access(copyPath(primaryDir(), sha256(bytes))).then(() => true, () => false);

/**
 * What a process killed while storing an item's package leaves: the package reserved (`ingesting`),
 * the item claimed (`recognising`) with a lease no one renews any more.
 */
async function cutShort(batchId: string, itemId: string, reference: string, attempts: number): Promise<string> {
  const crashing: PackageSource = {
    sourceType: 'scanned_record',
    sourceId: itemId,
    reference,
    agencyCode: 'CUSTOMS',
    retentionClass: 'customs-declarations-10y',
    description: { title: { fr: 'Registres du port de Kandara', ar: 'سجلات', en: 'Port registers' }, creator: { fr: 'Douanes', ar: 'الجمارك', en: 'Customs' }, subject: 'Registres', date: '1987', type: 'Text', language: ['fr'] },
    files: [{ path: 'data/scan.png', role: 'attachment', format: 'image/png', identifiedBy: 'signature', content: () => Promise.reject(new Error('SIGKILL')) }],
  };
  await expect(platform.archive.ingest(crashing)).rejects.toThrow('SIGKILL');
  const reserved = await db().selectFrom('archive_packages').select(['identifier', 'state']).where('source_type', '=', 'scanned_record').where('source_id', '=', itemId).executeTakeFirstOrThrow();
  expect(reserved.state).toBe('ingesting');
  // Not a package yet: never listed, never shown.
  expect((await salma.request('GET', `/api/archive/packages?source=${reference}`)).body.items).toEqual([]);
  expect((await salma.request('GET', `/api/archive/packages/${reserved.identifier}`)).status).toBe(404);
  // The archive's resume job leaves it to the item's own processing, which is not over.
  const resumed = await platform.archive.resumeInterrupted(systemContext('test: resume'), 0);
  expect(resumed.failed).toBeGreaterThanOrEqual(1);
  expect((await db().selectFrom('archive_packages').select('state').where('identifier', '=', reserved.identifier).executeTakeFirst())?.state).toBe('ingesting');
  await db().transaction().execute(async (trx) => {
    await trx.updateTable('archive_scanned_items').set({ state: 'recognising', attempts, progress: 0.4, lease_until: new Date(Date.now() - 1000) }).where('id', '=', itemId).execute();
    await trx.updateTable('archive_scanned_batches').set({ state: 'submitted', submitted_at: new Date() }).where('id', '=', batchId).execute();
  });
  return reserved.identifier;
}

beforeAll(async () => {
  platform = await startTestApp();
  [salma, french, arabic] = await Promise.all([archivist(platform), frenchPage(), arabicPage()]);
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

describe('ingesting scanned paper records', () => {
  it('stores a French and an Arabic scanned page as packages whose words search finds', async () => {
    const batch = await openBatch(salma);
    expect(batch).toMatchObject({ state: 'open', reference: expect.stringMatching(/^KD-SCAN-\d{4}-\d{6}$/) });

    const fr = await upload(salma, batch.id, 'Préfecture 1987.png', french, 'image/png');
    expect(fr.status, JSON.stringify(fr.body)).toBe(201);
    expect(fr.body).toMatchObject({ name: 'Préfecture 1987.png', state: 'queued', mediaType: 'image/png', puid: 'fmt/13', pageCount: 1, languages: ['fra'], sha256: sha256(french) });
    // This page is in Arabic: its own languages rather than the batch's.
    const ar = await upload(salma, batch.id, 'registre-douanes.png', arabic, 'image/png', '?languages=ara');
    expect(ar.status, JSON.stringify(ar.body)).toBe(201);
    expect(ar.body.languages).toEqual(['ara']);
    // The same bytes sent again under the same name (a retried upload) are the same file.
    const again = await upload(salma, batch.id, 'registre-douanes.png', arabic, 'image/png');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(ar.body.id);

    // A scanner's long file name, in Arabic: up to 255 characters are a name like any other.
    const longName = `${'سجل مداخيل ومخارج ميناء كندارة '.repeat(4)}1987.png`;
    expect(longName.length).toBeGreaterThan(100);
    const long = await upload(salma, batch.id, longName, arabic, 'image/png', '?languages=ara');
    expect(long.status, JSON.stringify(long.body)).toBe(201);
    expect(long.body.name).toBe(longName);
    const submitted = await salma.request('POST', `/api/archive/scanned-batches/${batch.id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    expect((await upload(salma, batch.id, 'late.png', french, 'image/png')).status).toBe(409);

    const { batch: done } = await settledBatch(salma, batch.id);
    const [frItem, arItem, longItem] = done.items as BatchItem[];
    for (const item of [frItem, arItem, longItem]) {
      expect(item, JSON.stringify(item)).toMatchObject({ state: 'stored', progress: 1, pages: 1, refusal: null, package: expect.stringMatching(/^KD-ARC-\d{4}-\d{6}$/) });
      expect(item?.confidence).toBeGreaterThan(50);
    }

    const stored = await salma.request('GET', `/api/archive/packages/${frItem?.package}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ source: { type: 'scanned_record', id: frItem?.id, reference: `${batch.reference}-001` }, agency: 'CUSTOMS', accessLevel: 'restricted', retentionClass: 'customs-declarations-10y', state: 'stored' });
    expect(stored.body.files.map((f: { path: string; role: string; format: string }) => `${f.path} ${f.role} ${f.format}`).sort()).toEqual([
      'data/Pr-fecture-1987.png attachment image/png',
      'data/ocr/page-1.txt metadata text/plain',
      'data/record.json metadata application/json',
      'metadata/dublin-core.xml metadata application/xml',
    ]);
    const scan = stored.body.files.find((f: { path: string }) => f.path === 'data/Pr-fecture-1987.png');
    expect(scan.sha256).toBe(sha256(french));
    expect(stored.body.events.map((e: { type: string; detail: string }) => `${e.type}: ${e.detail}`)).toContain('format identification: image/png (identified from its signature by the archive; PRONOM fmt/13)');
    const record = await salma.request('GET', `/api/archive/records/${frItem?.package}/file?path=data/record.json`);
    expect(record.body).toMatchObject({ batch: batch.reference, creator: 'CUSTOMS', date: '1987/1988-06', original: { name: 'Préfecture 1987.png', puid: 'fmt/13' }, ocr: { languages: ['fra'], pages: [{ number: 1, file: 'data/ocr/page-1.txt' }] } });
    const text = await salma.request('GET', `/api/archive/records/${frItem?.package}/file?path=data/ocr/page-1.txt`);
    expect(String(text.body).normalize('NFC')).toContain(FRENCH_WORD);
    const dublinCore = await salma.request('GET', `/api/archive/records/${arItem?.package}/file?path=metadata/dublin-core.xml`);
    expect(dublinCore.body).toContain('<dc:type>Text</dc:type>');
    expect(dublinCore.body).toContain('<dc:title xml:lang="ar">سجلات ميناء كندارة</dc:title>');
    expect(dublinCore.body).toContain('<dc:language>ar</dc:language>');

    for (const [q, lang, item, file] of [[FRENCH_WORD, 'fr', frItem, 'data/Pr-fecture-1987.png'], [ARABIC_WORD, 'ar', arItem, 'data/registre-douanes.png']] as const) {
      const found = await salma.request('GET', `/api/archive/search?q=${encodeURIComponent(q)}&lang=${lang}&recordType=scanned_record`);
      expect(found.status, JSON.stringify(found.body)).toBe(200);
      // The Arabic word is in the creator's name too (the description's hit): the page's hit names its file and page.
      const hit = found.body.hits.find((h: { identifier: string; file: string | null }) => h.identifier === item?.package && h.file !== null);
      expect(hit, `${q} in ${JSON.stringify(found.body.hits)}`).toMatchObject({ file, page: 1, language: lang, recordType: 'scanned_record' });
    }

    const audit = await db().selectFrom('audit_entries').select(['action', 'details']).where('record_id', '=', batch.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['archive.scan_batch_created', ...Array(3).fill('archive.scan_file_accepted'), 'archive.scan_batch_submitted', ...Array(3).fill('archive.scan_item_stored')]);
    expect(audit.at(-1)?.details).toMatchObject({ batchDone: true });
  }, 120_000);

  it('refuses a PNG claimed as a PDF, a truncated PDF and a text file, naming each and why, and keeps nothing of them', async () => {
    const batch = await openBatch(salma, { languages: ['fra', 'eng'] });
    const pdf = await printedRecord([{ direction: 'ltr', paragraphs: ['Registre des entrées'] }]);
    const truncated = pdf.subarray(0, Math.floor(pdf.length * 0.7));
    const minutes = Buffer.from('Procès-verbal de la séance du 3 mars 1992\n', 'utf8');
    const packagesBefore = await db().selectFrom('archive_packages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    salma.language = 'en';
    try {
      const cases = [
        ['feuillet-3.pdf', french, 'application/pdf', 'archive_format_mismatch', 'feuillet-3.pdf: its name or declared type says application/pdf, but its content is image/png.'],
        ['feuillet-4.pdf', french, 'application/octet-stream', 'archive_format_mismatch', 'feuillet-4.pdf: its name or declared type says .pdf, but its content is image/png.'],
        ['feuillet.png', french, 'application/pdf', 'archive_format_mismatch', 'feuillet.png: its name or declared type says application/pdf, but its content is image/png.'],
        ['registre.pdf', truncated, 'application/pdf', 'archive_file_truncated', 'registre.pdf is incomplete: the upload was cut short. Send it again.'],
        ['proces-verbal.txt', minutes, 'text/plain', 'archive_format_not_accepted', 'proces-verbal.txt: the format text/plain is not accepted. Accepted formats: PDF, TIFF, JPEG, PNG.'],
      ] as const;
      for (const [name, bytes, type, code, message] of cases) {
        const refused = await upload(salma, batch.id, name, bytes, type);
        expect(refused.status, `${name}: ${JSON.stringify(refused.body)}`).toBe(422);
        expect(refused.body.error).toMatchObject({ code, message });
      }
      expect((await upload(salma, batch.id, 'registre.pdf', truncated, 'application/pdf')).body.error.details).toEqual({ reason: 'no %%EOF marker in the last 1024 bytes' });
    } finally {
      salma.language = 'fr';
    }
    // Nothing of them anywhere: no item, no staged bytes, no package, no audit entry but the batch's opening.
    const read = await salma.request('GET', `/api/archive/scanned-batches/${batch.id}`);
    expect(read.body.items).toEqual([]);
    expect(await stagedCopyExists(truncated)).toBe(false);
    expect(await stagedCopyExists(minutes)).toBe(false);
    const packagesAfter = await db().selectFrom('archive_packages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(packagesAfter.n)).toBe(Number(packagesBefore.n));
    const audit = await db().selectFrom('audit_entries').select('action').where('record_id', '=', batch.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['archive.scan_batch_created']);
    // An empty batch cannot be submitted.
    const empty = await salma.request('POST', `/api/archive/scanned-batches/${batch.id}/submit`);
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('archive_scan_batch_empty');
  }, 60_000);

  it('carries on an ingest a crash cut short, under the package it had reserved, never showing it half-done', async () => {
    const batch = await openBatch(salma);
    const item = (await upload(salma, batch.id, 'reprise.png', french, 'image/png')).body;
    const reference = `${batch.reference}-001`;
    const reserved = await cutShort(batch.id, item.id, reference, 1);
    // The platform's own job finds the item whose lease ran out and carries it on.
    const { batch: done } = await settledBatch(salma, batch.id);
    expect(done.items[0]).toMatchObject({ state: 'stored', package: reserved, pages: 1 });
    const listed = await salma.request('GET', `/api/archive/packages?source=${reference}`);
    expect(listed.body.items.map((p: { identifier: string; state: string }) => `${p.identifier} ${p.state}`)).toEqual([`${reserved} stored`]);
    const found = await salma.request('GET', `/api/archive/search?q=${FRENCH_WORD}&lang=fr`);
    expect(found.body.hits.map((h: { identifier: string }) => h.identifier)).toContain(reserved);
    const tries = await db().selectFrom('archive_scanned_items').select('attempts').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(tries.attempts).toBe(2);
  }, 90_000);

  it('refuses an item that failed every try, and the archive rolls back the package it had reserved', async () => {
    const batch = await openBatch(salma);
    const item = (await upload(salma, batch.id, 'tenace.png', arabic, 'image/png')).body;
    const reserved = await cutShort(batch.id, item.id, `${batch.reference}-001`, MAX_ATTEMPTS);
    salma.language = 'en';
    const { batch: done } = await settledBatch(salma, batch.id).finally(() => (salma.language = 'fr'));
    expect(done.items[0]).toMatchObject({ state: 'refused', package: null, refusal: { code: 'archive_scan_failed', message: `tenace.png could not be read and archived after ${MAX_ATTEMPTS} tries.` } });
    const resumed = await platform.archive.resumeInterrupted(systemContext('test: resume'), 0);
    expect(resumed.rolledBack).toBeGreaterThanOrEqual(1);
    expect(await db().selectFrom('archive_packages').select('id').where('identifier', '=', reserved).execute()).toEqual([]);
    const rolledBack = await db().selectFrom('audit_entries').select('details').where('action', '=', 'archive.ingest_rolled_back').execute();
    expect(rolledBack.map((a) => (a.details as { identifier: string }).identifier)).toContain(reserved);
  }, 90_000);

  it('refuses a file whose staged bytes were lost before it was read, and stores nothing of it', async () => {
    const lost = await scannedImage(await printedRecord([{ direction: 'ltr', paragraphs: ['Feuillet égaré'] }]), 'png', { dpi: 50 });
    const batch = await openBatch(salma);
    const item = (await upload(salma, batch.id, 'egare.png', lost, 'image/png')).body;
    expect(await stagedCopyExists(lost)).toBe(true);
    await fs.rm(copyPath(primaryDir(), sha256(lost)));
    expect((await salma.request('POST', `/api/archive/scanned-batches/${batch.id}/submit`)).status).toBe(200);
    const { batch: done } = await settledBatch(salma, batch.id);
    expect(done.items[0]).toMatchObject({ state: 'refused', package: null, refusal: { code: 'archive_scan_content_missing' } });
    expect(await db().selectFrom('archive_packages').select('id').where('source_id', '=', item.id).execute()).toEqual([]);
  }, 60_000);

  it('refuses a batch without a title, with a backwards period or an unknown class, naming the field', async () => {
    const cases = [
      [{ title: {} }, 'archive_scan_title_missing', 'title'],
      [{ dateFrom: '1990', dateTo: '1985' }, 'archive_scan_date_range', 'dateTo'],
      [{ dateFrom: '1987-02-30', dateTo: undefined }, 'archive_scan_date_invalid', 'dateFrom'],
      [{ retentionClass: 'no-such-class' }, 'archive_retention_class_unknown', 'retentionClass'],
      [{ creatorAgency: 'NOWHERE' }, 'archive_scan_agency_unknown', 'creatorAgency'],
    ] as const;
    for (const [overrides, code, field] of cases) {
      const body = { title: { fr: 'Registres' }, creatorAgency: 'CUSTOMS', subject: 'Registres', dateFrom: '1987', retentionClass: 'customs-declarations-10y', ...overrides };
      const refused = await salma.request('POST', '/api/archive/scanned-batches', body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error).toMatchObject({ code, details: { fields: [{ path: `body.${field}` }] } });
    }
  });

  it('lets only archivists ingest, each within their agency', async () => {
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    const karim = await signedIn(platform.url, 'karim.benali');
    for (const client of [awa, karim]) {
      expect((await client.request('POST', '/api/archive/scanned-batches', { title: { fr: 'x' } })).status).toBe(403);
      expect((await client.request('GET', '/api/archive/scanned-batches')).status).toBe(403);
    }
    const batch = await openBatch(salma);
    expect((await upload(awa, batch.id, 'feuillet.png', french, 'image/png')).status).toBe(403);
    expect((await awa.request('GET', `/api/archive/scanned-batches/${batch.id}`)).status).toBe(403);
    expect(await stagedCopyExists(french)).toBe(true); // the first test's package holds it; nothing new was written
    // The Customs archivist ingests the Customs' own records, not another agency's, and sees only their agency's batches.
    const [customs, user] = await Promise.all([
      db().selectFrom('agencies').select('id').where('code', '=', 'CUSTOMS').executeTakeFirstOrThrow(),
      db().selectFrom('users').select('id').where('email', '=', 'karim.benali@demo.guichet.test').executeTakeFirstOrThrow(),
    ]);
    await db().insertInto('role_grants').values({ user_id: user.id, role: 'archivist', agency_id: customs.id }).execute();
    const customsArchivist = await signedIn(platform.url, 'karim.benali');
    expect((await customsArchivist.request('POST', '/api/archive/scanned-batches', { title: { fr: 'Licences' }, creatorAgency: 'COMMERCE', subject: 'Licences', dateFrom: '1990', retentionClass: 'commerce-licences-10y' })).status).toBe(403);
    const own = await openBatch(customsArchivist);
    expect(own).toMatchObject({ agency: 'CUSTOMS', creatorAgency: 'CUSTOMS' });
    const choices = await customsArchivist.request('GET', '/api/archive/scanned-batches/choices');
    expect(choices.body.agencies.map((a: { code: string }) => a.code)).toEqual(['CUSTOMS']);
    const ofSalma = await salma.request('GET', '/api/archive/scanned-batches');
    expect(ofSalma.body.items.map((b: { id: string }) => b.id)).toContain(own.id);
    const commerce = await openBatch(salma, { creatorAgency: 'COMMERCE', retentionClass: 'commerce-licences-10y' });
    expect(commerce).toMatchObject({ agency: 'ARCHIVES', creatorAgency: 'COMMERCE' });
    const ofKarim = await customsArchivist.request('GET', '/api/archive/scanned-batches');
    expect(ofKarim.body.items.map((b: { id: string }) => b.id)).not.toContain(commerce.id);
    expect((await customsArchivist.request('GET', `/api/archive/scanned-batches/${commerce.id}`)).status).toBe(404);
  }, 60_000);
});
