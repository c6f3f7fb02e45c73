import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCountry } from '../../src/demo/seed.ts';
import { migrations } from '../../src/migrations.ts';
import { archiveRoots } from '../../src/modules/archive/index.ts';
import { exportPackage } from '../../src/modules/archive/interchange/index.ts';
import type { RecordedFile } from '../../src/modules/archive/interchange/package-record.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { validateBag } from '../../src/platform/bagit/index.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { AppError } from '../../src/platform/http/errors.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import { commandDatabase, runGuichet, type CommandDatabase } from '../support/command-database.ts';
import { approvedFile } from '../documents/support.ts';
import { archivist, copyPath, fileAt, packageOf, readCopy, sha256 } from './storage-support.ts';

/**
 * Issue 8 items 1 and 7: an archived package leaves as a BagIt 1.0 bag (both manifests, bag-info,
 * Dublin Core, the domain record, the PREMIS history) that validates, even when a primary copy has
 * rotted; and another archive (a second database, through the real `guichet` command) takes the bag
 * in with the same digests, once however often it is given.
 */
type ArchivedFile = RecordedFile;

let platform: TestApp;
let pkg: { identifier: string; title: string; retentionClass: string; source: { reference: string }; files: ArchivedFile[] };
let workspace: string;
let second: CommandDatabase;
const primary = () => path.join(platform.dataDir, 'archive', 'primary');
const replica = () => path.join(platform.dataDir, 'archive', 'replica');
const deps = () => ({ db: platform.database.db, roots: archiveRoots({}, platform.dataDir) });
const dataFiles = () => pkg.files.filter((f) => f.path.startsWith('data/'));
const exportTo = (name: string) => exportPackage(deps(), systemContext('test: archive export'), pkg.identifier, path.join(workspace, name), { destination: name, locale: 'en' });

beforeAll(async () => {
  platform = await startTestApp();
  const awa = await signedIn(platform.url, 'awa.ndiaye');
  const file = await approvedFile(platform.url, awa, 'apprenticeship-certificate');
  pkg = await packageOf(await archivist(platform), file.reference);
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-interchange-'));
  // The other archive: its own database and storage, reached by the `guichet` command only.
  second = await commandDatabase('guichet-interchange-second-', { DEFAULT_LOCALE: 'en' });
  const handle = await openDatabase(second.options);
  try {
    await migrateToLatest(handle.db, migrations);
    await seedDemoCountry(handle.db);
  } finally {
    await handle.close();
  }
}, 120_000);
afterAll(async () => {
  await platform?.close();
  await second?.remove();
  if (workspace) await fs.rm(workspace, { recursive: true, force: true });
});

async function bagInfoOf(dir: string): Promise<Record<string, string>> {
  const text = await fs.readFile(path.join(dir, 'bag-info.txt'), 'utf8');
  return Object.fromEntries(text.trim().split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
}

const manifestLines = async (dir: string, algorithm: string) => (await fs.readFile(path.join(dir, `manifest-${algorithm}.txt`), 'utf8')).trim().split('\n').sort();

/** The second archive's packages, read once the command has exited (PGlite's directory has one user at a time). */
async function secondArchive() {
  const handle = await openDatabase(second.options);
  try {
    const packages = await handle.db
      .selectFrom('archive_packages as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.id', 'p.identifier', 'p.title', 'p.source_type', 'p.source_id', 'p.source_reference', 'p.retention_class', 'p.access_level', 'p.state', 'a.code as agency'])
      .execute();
    const files = await handle.db.selectFrom('archive_files').select(['package_id', 'path', 'size', 'sha256', 'sha512', 'format', 'role']).orderBy('path').execute();
    const events = await handle.db.selectFrom('archive_events').select(['event_type', 'detail', 'file_id']).execute();
    return { packages, files, events };
  } finally {
    await handle.close();
  }
}

describe('exporting an archived package as a BagIt bag', () => {
  it('writes a valid BagIt 1.0 bag: both manifests, bag-info, Dublin Core, the domain record and the PREMIS history', async () => {
    const eventsBefore = await platform.database.db.selectFrom('archive_events as e').innerJoin('archive_packages as p', 'p.id', 'e.package_id').select('e.event_type').where('p.identifier', '=', pkg.identifier).execute();
    const bag = await exportTo('bag-1');
    const dir = path.join(workspace, 'bag-1');
    const bytes = dataFiles().reduce((sum, f) => sum + f.size, 0);
    expect(bag).toEqual({ identifier: pkg.identifier, payloadOxum: `${bytes}.${dataFiles().length}`, files: dataFiles().length, bytes, fromReplica: [] });
    expect(await validateBag(dir)).toEqual({ valid: true, version: '1.0', problems: [], payload: { files: dataFiles().length, bytes } });

    // The manifests carry the digests recorded at ingest, for every data file and nothing else.
    for (const algorithm of ['sha256', 'sha512'] as const) {
      expect(await manifestLines(dir, algorithm)).toEqual(dataFiles().map((f) => `${f[algorithm]} ${f.path}`).sort());
      const tagManifest = await fs.readFile(path.join(dir, `tagmanifest-${algorithm}.txt`), 'utf8');
      for (const tag of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'metadata/dublin-core.xml', 'metadata/record.json', 'metadata/premis-events.xml']) expect(tagManifest).toContain(` ${tag}\n`);
    }
    expect(await bagInfoOf(dir)).toEqual({
      'Bagging-Date': new Date().toISOString().slice(0, 10),
      'Payload-Oxum': bag.payloadOxum,
      'Source-Organization': 'Ministry of Commerce',
      'External-Identifier': pkg.identifier,
      'External-Description': pkg.title,
      'Internal-Sender-Identifier': pkg.source.reference,
      'Internal-Sender-Description': `application ${pkg.source.reference}; retention class vocational-certificates-permanent; access restricted`,
      'Bag-Software-Agent': 'Guichet national archive',
    });

    const dublinCore = fileAt(pkg, 'metadata/dublin-core.xml');
    expect(await fs.readFile(path.join(dir, 'metadata/dublin-core.xml'))).toEqual(await readCopy(primary(), dublinCore.sha256));
    const record = JSON.parse(await fs.readFile(path.join(dir, 'metadata/record.json'), 'utf8'));
    expect(record).toMatchObject({ format: 'guichet-archive-package', identifier: pkg.identifier, source: { type: 'application', reference: pkg.source.reference }, agency: { code: 'COMMERCE' }, retentionClass: 'vocational-certificates-permanent', accessLevel: 'restricted', state: 'stored' });
    expect(record.files).toEqual(pkg.files.map(({ path, size, sha256, sha512, format, role }) => ({ path, size, sha256, sha512, format, role })));

    const premis = new DOMParser().parseFromString(await fs.readFile(path.join(dir, 'metadata/premis-events.xml'), 'utf8'), 'text/xml');
    const events = Array.from(premis.getElementsByTagNameNS('http://www.loc.gov/premis/v3', 'event'));
    expect(events).toHaveLength(eventsBefore.length);
    const types = new Set(Array.from(premis.getElementsByTagNameNS('http://www.loc.gov/premis/v3', 'eventType')).map((e) => e.textContent));
    // The archivist's package view read before the export is an access, 'dissemination' in PREMIS.
    expect([...types].sort()).toEqual(['dissemination', 'format identification', 'ingestion', 'message digest calculation', 'replication']);

    // The export itself is a preservation event and an audited act.
    const access = await platform.database.db.selectFrom('archive_events as e').innerJoin('archive_packages as p', 'p.id', 'e.package_id').select(['e.outcome', 'e.detail', 'e.agent']).where('p.identifier', '=', pkg.identifier).where('e.event_type', '=', 'access').where('e.agent', '=', 'test: archive export').execute();
    expect(access).toEqual([{ outcome: 'success', detail: `exported as a BagIt 1.0 bag to bag-1: ${dataFiles().length} payload files, ${bytes} bytes, Payload-Oxum ${bag.payloadOxum}`, agent: 'test: archive export' }]);
    const audited = await platform.database.db.selectFrom('audit_entries').select(['actor_label', 'details']).where('action', '=', 'archive.package_exported').execute();
    expect(audited).toEqual([{ actor_label: 'test: archive export', details: { identifier: pkg.identifier, destination: 'bag-1', payloadOxum: bag.payloadOxum, fromReplica: [] } }]);
  });

  it('reads a file whose primary copy is missing or corrupt from the replica, and the bag still validates; with no intact copy left, writes nothing', async () => {
    const attachment = fileAt(pkg, 'data/attachments/01-');
    const decision = fileAt(pkg, 'data/decision.json');
    const dublinCore = fileAt(pkg, 'metadata/dublin-core.xml');
    const originals = { attachment: await readCopy(primary(), attachment.sha256), decision: await readCopy(primary(), decision.sha256), dublinCore: await readCopy(primary(), dublinCore.sha256) };
    try {
      await fs.rm(copyPath(primary(), attachment.sha256));
      const flipped = Buffer.from(originals.decision);
      flipped[10] = (flipped[10] as number) ^ 0x01;
      await fs.writeFile(copyPath(primary(), decision.sha256), flipped);
      await fs.writeFile(copyPath(primary(), dublinCore.sha256), Buffer.concat([originals.dublinCore, Buffer.from('<!-- rot -->')]));

      const bag = await exportTo('bag-2');
      const dir = path.join(workspace, 'bag-2');
      expect(bag.fromReplica).toEqual([attachment.path, decision.path, dublinCore.path]);
      expect((await validateBag(dir)).valid).toBe(true);
      expect(sha256(await fs.readFile(path.join(dir, attachment.path)))).toBe(attachment.sha256);
      expect(await fs.readFile(path.join(dir, decision.path))).toEqual(originals.decision);
      expect(await fs.readFile(path.join(dir, dublinCore.path))).toEqual(originals.dublinCore);
      const db = platform.database.db;
      const failures = await db.selectFrom('archive_events as e').innerJoin('archive_files as f', 'f.id', 'e.file_id').select(['f.path', 'e.detail']).where('e.event_type', '=', 'fixity check').where('e.outcome', '=', 'failure').orderBy('f.path').execute();
      expect(failures).toEqual([
        { path: attachment.path, detail: expect.stringMatching(/^primary: missing \(.*\), found while exporting; the replica served$/) },
        { path: decision.path, detail: expect.stringMatching(/^primary: corrupt \(.*its sha256 is [0-9a-f]{64}\), found while exporting; the replica served$/) },
        { path: dublinCore.path, detail: expect.stringMatching(/^primary: corrupt \(.*it hashes to [0-9a-f]{64}\), found while exporting; the replica served$/) },
      ]);
      const copies = await db.selectFrom('archive_copies').select(['sha256', 'state']).where('root', '=', 'primary').where('sha256', 'in', [attachment.sha256, decision.sha256, dublinCore.sha256]).execute();
      expect(Object.fromEntries(copies.map((c) => [c.sha256, c.state]))).toEqual({ [attachment.sha256]: 'missing', [decision.sha256]: 'corrupt', [dublinCore.sha256]: 'corrupt' });

      // The replica rots too: no bag, not even a partial one.
      await fs.writeFile(copyPath(replica(), attachment.sha256), 'rotten');
      const refused = await exportTo('bag-3').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'archive_export_no_intact_copy', params: { identifier: pkg.identifier, file: attachment.path } });
      expect((await fs.readdir(workspace)).filter((name) => name.includes('bag-3'))).toEqual([]);
    } finally {
      for (const root of [primary(), replica()]) {
        await fs.writeFile(copyPath(root, attachment.sha256), originals.attachment);
        await fs.writeFile(copyPath(root, decision.sha256), originals.decision);
        await fs.writeFile(copyPath(root, dublinCore.sha256), originals.dublinCore);
      }
    }
  });

  it('refuses an unknown package, a directory that exists, and a destroyed package', async () => {
    const db = platform.database.db;
    const unknown = await exportPackage(deps(), systemContext('test'), 'KD-ARC-2099-999999', path.join(workspace, 'never'), { destination: 'never', locale: 'en' }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 404, code: 'not_found', params: { record: 'archive_package', id: 'KD-ARC-2099-999999' } });
    expect(await exportTo('bag-1').catch((e: unknown) => e)).toMatchObject({ status: 409, code: 'archive_export_target_exists', params: { dir: 'bag-1' } });
    await db.updateTable('archive_packages').set({ state: 'destroyed' }).where('identifier', '=', pkg.identifier).execute();
    try {
      expect(await exportTo('bag-4').catch((e: unknown) => e)).toMatchObject({ status: 409, code: 'archive_package_destroyed' });
    } finally {
      await db.updateTable('archive_packages').set({ state: 'stored' }).where('identifier', '=', pkg.identifier).execute();
    }
    await expect(fs.stat(path.join(workspace, 'bag-4'))).rejects.toThrow(/ENOENT/);
  });
});

describe('guichet archive import, into another archive', () => {
  it('takes in the exported bag with the same digests, roles, formats, class and title, and only once', async () => {
    const bag = path.join(workspace, 'bag-1');
    const run = runGuichet(second.env, 'archive', 'import', bag);
    expect(run.status, run.stderr).toBe(0);
    const identifier = /archived as (KD-ARC-\d{4}-\d{6}):/.exec(run.stdout)?.[1] as string;
    expect(run.stdout.trim()).toBe(`Bag ${bag} archived as ${identifier}: ${dataFiles().length} payload files, ${dataFiles().reduce((s, f) => s + f.size, 0)} bytes.`);

    const { packages, files, events } = await secondArchive();
    expect(packages).toEqual([
      expect.objectContaining({ identifier, title: pkg.title, source_type: 'imported_bag', source_id: pkg.identifier, source_reference: pkg.source.reference, retention_class: pkg.retentionClass, access_level: 'restricted', state: 'stored', agency: 'ARCHIVES' }),
    ]);
    const strip = (f: ArchivedFile) => ({ path: f.path, size: Number(f.size), sha256: f.sha256, sha512: f.sha512, format: f.format, role: f.role });
    expect(files.filter((f) => f.path.startsWith('data/')).map(strip)).toEqual(dataFiles().map(strip));
    expect(files.filter((f) => f.path.startsWith('metadata/')).map((f) => f.path)).toEqual([
      'metadata/bag-import.json',
      'metadata/dublin-core.xml',
      ...['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'metadata/dublin-core.xml', 'metadata/premis-events.xml', 'metadata/record.json', 'tagmanifest-sha256.txt', 'tagmanifest-sha512.txt'].map((p) => `metadata/original-bag/${p}`),
    ]);
    // The JSON files' format came from the sending archive's record; the PDFs' from their signature.
    const formatEvents = events.filter((e) => e.event_type === 'format identification').map((e) => e.detail);
    expect(formatEvents).toContain('application/json (as the sending archive recorded it; its signature says nothing against it)');
    expect(formatEvents).toContain('application/pdf (identified from its signature by the archive; PRONOM fmt/18)');
    expect(events.filter((e) => e.event_type === 'ingestion')).toHaveLength(1);

    const again = runGuichet(second.env, 'archive', 'import', bag);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(`Bag ${bag} is already archived as ${identifier}: nothing to do.`);
    expect((await secondArchive()).packages).toHaveLength(1);

    // And back out of the second archive: the same payload, byte for byte, under the same names.
    const out = path.join(workspace, 'round-trip');
    const exported = runGuichet(second.env, 'archive', 'export', identifier, out);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout.trim()).toMatch(new RegExp(`^Package ${identifier} written as a BagIt bag to ${out}: ${dataFiles().length} payload files, \\d+ bytes \\(Payload-Oxum \\d+\\.${dataFiles().length}\\)\\.$`));
    expect((await validateBag(out)).valid).toBe(true);
    expect(await manifestLines(out, 'sha512')).toEqual(await manifestLines(bag, 'sha512'));

    const over = runGuichet(second.env, 'archive', 'export', identifier, out);
    expect(over.status).toBe(1);
    expect(over.stderr.trim().split('\n')).toEqual([`${out} already exists: a bag is never written over anything.`, 'No bag was written.']);
  }, 120_000);
});
