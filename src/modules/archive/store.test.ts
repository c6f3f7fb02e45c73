import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyContent } from './fixity-check.ts';
import { dublinCoreXml, jsonFile, type PackageSource } from './package.ts';
import { ContentMissing, createFileArchiveStore, DigestMismatch, type ArchiveStore } from './store.ts';

const digest = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');
let dir: string;
let primary: ArchiveStore;
let replica: ArchiveStore;
const at = (root: string, sha256: string) => path.join(dir, root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
const filesUnder = async (root: string) => (await fs.readdir(path.join(dir, root), { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).length;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-archive-store-'));
  primary = createFileArchiveStore({ name: 'primary', root: path.join(dir, 'primary') });
  replica = createFileArchiveStore({ name: 'replica', root: path.join(dir, 'replica') });
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe('a content-addressed storage root', () => {
  it('stores a stream under its SHA-256, with both digests computed on the way', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const pieces = Readable.from([bytes.subarray(0, 100), bytes.subarray(100, 2_000_000), bytes.subarray(2_000_000)]);
    expect(await primary.add(pieces)).toEqual({ sha256: digest('sha256', bytes), sha512: digest('sha512', bytes), size: bytes.length });
    expect(await fs.readFile(at('primary', digest('sha256', bytes)))).toEqual(bytes);
    expect(await primary.has(digest('sha256', bytes))).toBe(true);
  });

  it('refuses content that does not hash to the digest asked for, leaving nothing behind', async () => {
    const expected = digest('sha256', Buffer.from('the original'));
    await expect(primary.put(expected, Buffer.from('something else'))).rejects.toBeInstanceOf(DigestMismatch);
    expect(await filesUnder('primary')).toBe(0);
  });

  it('answers ContentMissing for content it does not hold', async () => {
    await expect(primary.get(digest('sha256', Buffer.from('never stored')))).rejects.toBeInstanceOf(ContentMissing);
  });
});

describe('checking a content in both roots', () => {
  const bytes = Buffer.from('%PDF-1.7 certificate of origin\n');
  const sha256 = digest('sha256', bytes);

  it('repairs a corrupt primary from the replica, and a missing replica from the primary', async () => {
    await primary.add(Buffer.from('%PDF-1.7 certificate of origjn\n')); // a flipped bit, under its own name…
    await fs.mkdir(path.dirname(at('primary', sha256)), { recursive: true });
    await fs.rename(at('primary', digest('sha256', Buffer.from('%PDF-1.7 certificate of origjn\n'))), at('primary', sha256)); // …then found under the original's
    await replica.add(bytes);
    const verdict = await verifyContent([primary, replica], sha256);
    expect(verdict.findings.get('primary')).toEqual({ state: 'corrupt', actual: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verdict).toMatchObject({ repaired: ['primary'], lost: false });
    expect(await fs.readFile(at('primary', sha256))).toEqual(bytes);

    await replica.remove(sha256);
    expect(await verifyContent([primary, replica], sha256)).toMatchObject({ repaired: ['replica'], lost: false });
    expect(await fs.readFile(at('replica', sha256))).toEqual(bytes);
  });

  it('reports a content lost when no root holds an intact copy', async () => {
    const verdict = await verifyContent([primary, replica], sha256);
    expect([...verdict.findings.values()]).toEqual([{ state: 'missing', reason: 'not found' }, { state: 'missing', reason: 'not found' }]);
    expect(verdict).toMatchObject({ lost: true, repaired: [] });
  });
});

describe('Dublin Core description', () => {
  it('escapes what it quotes and gives every language its title', () => {
    const source: PackageSource = {
      sourceType: 'application',
      sourceId: 'a1',
      reference: 'KD-COM-2026-000001',
      agencyCode: 'COMMERCE',
      retentionClass: 'commerce-licences-10y',
      description: { title: { fr: 'Licence <import> & export', ar: 'رخصة استيراد', en: 'Import licence' }, creator: { fr: 'Ministère du Commerce', ar: 'وزارة التجارة', en: 'Ministry of Commerce' }, subject: 'import-licence', date: '2026-11-20T10:00:00.000Z', type: 'Collection', language: ['fr'] },
      files: [jsonFile('data/form.json', 'form', {})],
    };
    const xml = dublinCoreXml('KD-ARC-2026-000001', source, 'restricted');
    expect(xml).toContain('<dc:title xml:lang="fr">Licence &lt;import&gt; &amp; export</dc:title>');
    expect(xml).toContain('<dc:title xml:lang="ar">رخصة استيراد</dc:title>');
    expect(xml).toContain('<dc:rights>access: restricted; retention: commerce-licences-10y</dc:rights>');
    expect(xml).toContain('<dc:format>application/json</dc:format>');
  });
});
