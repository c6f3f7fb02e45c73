import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCountry } from '../../src/demo/seed.ts';
import { migrations } from '../../src/migrations.ts';
import { archiveRoots } from '../../src/modules/archive/index.ts';
import { ingestPackage, type IngestDeps } from '../../src/modules/archive/ingest.ts';
import { importBag, type ImportOptions } from '../../src/modules/archive/interchange/index.ts';
import { jsonFile } from '../../src/modules/archive/package.ts';
import { ensureClassificationScheme, loadClassificationScheme } from '../../src/modules/archive/retention/index.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { checksum, DECLARATION_1_0, handBuiltBag, manifestFor, validBagFiles } from '../../src/platform/bagit/test-bags.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { tinyPdf, tinyPng } from '../support/applications.ts';
import { commandDatabase, runGuichet, type CommandDatabase } from '../support/command-database.ts';

/**
 * Issue 8 item 7: `guichet archive import DIR` takes in a bag from another system, and refuses one
 * that is not valid — a path leaving the bag, a manifest listing a missing file — naming the file
 * and the reason, with nothing half-ingested: no package, no file, no stored content.
 */
let cli: CommandDatabase;
let workspace: string;
const CLASS = 'civil-status-copies-5y';
const context = systemContext('test: bag import');

beforeAll(async () => {
  cli = await commandDatabase('guichet-bag-import-', { DEFAULT_LOCALE: 'en' });
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-bags-'));
  const handle = await openDatabase(cli.options);
  try {
    await migrateToLatest(handle.db, migrations);
    await seedDemoCountry(handle.db);
    await ensureClassificationScheme(handle.db, loadClassificationScheme());
  } finally {
    await handle.close();
  }
}, 60_000);
afterAll(async () => {
  await cli?.remove();
  if (workspace) await fs.rm(workspace, { recursive: true, force: true });
});

const guichet = (...args: string[]) => runGuichet(cli.env, ...args);

/** The archive's database and roots in this process, between two commands (PGlite's directory has one user at a time). */
async function withArchive<T>(work: (deps: IngestDeps) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const handle = await openDatabase(cli.options);
  try {
    return await work({ db: handle.db, roots: archiveRoots(env, cli.dataDir), country: 'KD' });
  } finally {
    await handle.close();
  }
}

async function storedContents(): Promise<string[]> {
  const entries = await fs.readdir(path.join(cli.dataDir, 'archive'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** Everything an import could leave behind. */
const archiveState = () =>
  withArchive(async ({ db }) => ({
    packages: (await db.selectFrom('archive_packages').select('identifier').execute()).length,
    files: (await db.selectFrom('archive_files').select('id').execute()).length,
    copies: (await db.selectFrom('archive_copies').select('sha256').execute()).length,
    contents: await storedContents(),
  }));

const importing = (dir: string, options: Partial<ImportOptions> = {}) =>
  withArchive((deps) => importBag(deps, context, dir, { agencyCode: 'ARCHIVES', retentionClass: CLASS, ...options }).catch((error: unknown) => error));

/** A bag from another archive's tools: MD5 and SHA-256 manifests, names no archive path may carry, bag-info but no Dublin Core. */
function foreignBag(info: string, payload: Record<string, string | Buffer>) {
  const bagInfo = `${info}Payload-Oxum: ${Object.values(payload).reduce((sum, c) => sum + Buffer.byteLength(c), 0)}.${Object.keys(payload).length}\n`;
  const tags = { 'bagit.txt': DECLARATION_1_0, 'bag-info.txt': bagInfo, 'manifest-md5.txt': manifestFor('md5', payload), 'manifest-sha256.txt': manifestFor('sha256', payload) };
  return handBuiltBag({ ...payload, ...tags, 'tagmanifest-sha256.txt': manifestFor('sha256', tags) }, workspace);
}

describe('guichet archive import refuses a bag that is not valid, and archives nothing', () => {
  it('names the manifest line whose path leaves the bag', async () => {
    const letter = checksum('sha256', 'Import licence KD-2026-0001\n');
    const dir = await handBuiltBag(validBagFiles((files) => (files['manifest-sha256.txt'] += `${letter} data/../../../etc/passwd\n`)), workspace);
    const before = await archiveState();
    const run = guichet('archive', 'import', dir, '--class', CLASS);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`invalid bag ${dir}: 1 problem(s)`, 'manifest-sha256.txt line 3: data/../../../etc/passwd points outside the bag', 'Nothing was archived.']);
    expect(run.stdout).toBe('');
    expect(await archiveState()).toEqual(before);
  }, 60_000);

  it('names the file a manifest lists but the bag does not hold', async () => {
    const dir = await handBuiltBag(validBagFiles((files) => (files['manifest-sha256.txt'] += `${checksum('sha256', '%PDF-1.7')} data/annex.pdf\n`)), workspace);
    const before = await archiveState();
    const run = guichet('archive', 'import', dir, '--class', CLASS);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`invalid bag ${dir}: 1 problem(s)`, 'data/annex.pdf is listed in manifest-sha256.txt (line 3) but is not in the bag', 'Nothing was archived.']);
    expect(await archiveState()).toEqual(before);
    expect(before.contents).toEqual([]);
  }, 60_000);

  it('refuses a symbolic link leading out of the bag even where no tag manifest lists it', async () => {
    const outside = path.join(workspace, 'secret.txt');
    await fs.writeFile(outside, 'not for the archive');
    const dir = await handBuiltBag(validBagFiles(), workspace);
    await fs.mkdir(path.join(dir, 'metadata'));
    await fs.symlink(outside, path.join(dir, 'metadata', 'notes.txt'));
    const before = await archiveState();
    const refused = await importing(dir);
    expect(refused).toMatchObject({ status: 422, code: 'archive_bag_invalid', details: { problems: [expect.objectContaining({ code: 'bagit_link_escapes', file: 'metadata/notes.txt' })] } });
    expect(await archiveState()).toEqual(before);
  });
});

describe('guichet archive import takes in a bag from another system', () => {
  it('keeps names the archive cannot carry under safe ones, says where each came from, identifies formats by signature, and archives it once', async () => {
    const payload = { 'data/letter.txt': 'Registre des patentes, 1987\n', 'data/scans/page 1.pdf': tinyPdf('page one'), 'data/données/été.png': tinyPng() };
    const dir = await foreignBag('Source-Organization: Archives régionales du Nord\nExternal-Description: Registre des patentes 1987\nBagging-Date: 2025-03-01\n', payload);
    const bytes = Object.values(payload).reduce((sum, c) => sum + Buffer.byteLength(c), 0);
    const run = guichet('archive', 'import', dir, '--class', CLASS, '--access', 'public');
    expect(run.status, run.stderr).toBe(0);
    const identifier = /archived as (KD-ARC-\d{4}-\d{6}):/.exec(run.stdout)?.[1] as string;
    expect(run.stdout.trim().split('\n')).toEqual([
      `Bag ${dir} archived as ${identifier}: 3 payload files, ${bytes} bytes.`,
      'data/données/été.png is kept as data/donnees/ete.png.',
      'data/scans/page 1.pdf is kept as data/scans/page-1.pdf.',
    ]);

    const manifest = await fs.readFile(path.join(dir, 'manifest-sha256.txt'));
    const stored = await withArchive(async ({ db, roots }) => {
      const row = await db.selectFrom('archive_packages').selectAll().where('identifier', '=', identifier).executeTakeFirstOrThrow();
      const files = await db.selectFrom('archive_files').select(['path', 'sha256', 'format', 'role']).where('package_id', '=', row.id).orderBy('path').execute();
      const read = async (p: string) => {
        const chunks: Buffer[] = [];
        for await (const chunk of await roots.primary.get(files.find((f) => f.path === p)?.sha256 as string)) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      };
      return { row, files, importRecord: JSON.parse(await read('metadata/bag-import.json')), dublinCore: await read('metadata/dublin-core.xml') };
    });
    const base = path.basename(dir);
    // No External-Identifier: the bag is known by its manifest's SHA-256.
    expect(stored.row).toMatchObject({ source_type: 'imported_bag', source_id: createHash('sha256').update(manifest).digest('hex'), source_reference: base, title: `Registre des patentes 1987 — ${base}`, retention_class: CLASS, access_level: 'public', state: 'stored' });
    expect(stored.files.map((f) => `${f.role} ${f.path} ${f.format}`)).toEqual([
      'document data/donnees/ete.png image/png',
      'document data/letter.txt text/plain',
      'document data/scans/page-1.pdf application/pdf',
      'metadata metadata/bag-import.json application/json',
      'metadata metadata/dublin-core.xml application/xml',
      ...['bag-info.txt text/plain', 'bagit.txt text/plain', 'manifest-md5.txt text/plain', 'manifest-sha256.txt text/plain', 'tagmanifest-sha256.txt text/plain'].map((f) => `metadata metadata/original-bag/${f}`),
    ]);
    expect(stored.files.find((f) => f.path === 'data/scans/page-1.pdf')?.sha256).toBe(checksum('sha256', payload['data/scans/page 1.pdf']));
    expect(stored.importRecord).toMatchObject({
      bag: { name: base, version: '1.0', payloadOxum: `${bytes}.3`, info: [['Source-Organization', 'Archives régionales du Nord'], ['External-Description', 'Registre des patentes 1987'], ['Bagging-Date', '2025-03-01'], ['Payload-Oxum', `${bytes}.3`]] },
      identity: 'SHA-256 of the payload manifest',
      dublinCore: 'absent',
      files: [
        { original: 'data/données/été.png', archived: 'data/donnees/ete.png' },
        { original: 'data/scans/page 1.pdf', archived: 'data/scans/page-1.pdf' },
      ],
    });
    expect(stored.dublinCore).toContain('<dc:creator xml:lang="ar">Archives régionales du Nord</dc:creator>');
    expect(stored.dublinCore).toContain('<dc:date>2025-03-01</dc:date>');
    expect(stored.dublinCore).toContain('<dc:rights>access: public; retention: civil-status-copies-5y</dc:rights>');

    // The same bag again: the package it became, nothing new.
    expect(await importing(dir)).toMatchObject({ identifier, created: false });
    expect((await archiveState()).packages).toBe(1);
  }, 60_000);

  it('refuses, before writing anything, a bag without a class to file it under, or with an unknown class or agency', async () => {
    const dir = await foreignBag('External-Identifier: NORD-1987-002\n', { 'data/page.txt': 'page\n' });
    const before = await archiveState();
    expect(await importing(dir, { retentionClass: undefined })).toMatchObject({ status: 422, code: 'archive_import_class_required', params: { classes: expect.stringContaining(CLASS) } });
    expect(await importing(dir, { retentionClass: 'ledgers-forever' })).toMatchObject({ status: 422, code: 'archive_retention_class_unknown', params: { retentionClass: 'ledgers-forever' } });
    expect(await importing(dir, { agencyCode: 'NORD' })).toMatchObject({ status: 422, code: 'archive_import_agency_unknown', params: { agency: 'NORD' } });
    expect(await archiveState()).toEqual(before);
  });

  it('refuses another bag claiming an External-Identifier already archived with other content', async () => {
    const first = await foreignBag('External-Identifier: NORD-1987-003\n', { 'data/page.txt': 'page one\n' });
    const imported = await importing(first);
    expect(imported).toMatchObject({ created: true, files: 1 });
    const impostor = await foreignBag('External-Identifier: NORD-1987-003\n', { 'data/page.txt': 'page one, altered\n' });
    const before = await archiveState();
    expect(await importing(impostor)).toMatchObject({ status: 409, code: 'archive_import_identifier_taken', params: { sourceId: 'NORD-1987-003', identifier: (imported as { identifier: string }).identifier } });
    expect(await archiveState()).toEqual(before);
  });

  it('rolls the package back when storing fails part-way: no package row is left, and the rollback is audited', async () => {
    const dir = await foreignBag('External-Identifier: NORD-1987-004\n', { 'data/page.txt': 'page four\n' });
    // A primary root that cannot be created: a path under a file.
    const blocked = { ARCHIVE_PRIMARY_DIR: path.join(workspace, 'secret.txt', 'primary') };
    await fs.writeFile(path.join(workspace, 'secret.txt'), 'a file, not a directory');
    const refused = await withArchive((deps) => importBag(deps, context, dir, { agencyCode: 'ARCHIVES', retentionClass: CLASS }).catch((e: unknown) => e), blocked);
    expect(refused).toMatchObject({ code: 'ENOTDIR' });
    await withArchive(async ({ db }) => {
      expect(await db.selectFrom('archive_packages').select('state').where('source_id', '=', 'NORD-1987-004').execute()).toEqual([]);
      const audited = await db.selectFrom('audit_entries').select(['action', 'details']).where('action', '=', 'archive.ingest_rolled_back').execute();
      expect(audited).toEqual([{ action: 'archive.ingest_rolled_back', details: expect.objectContaining({ source: 'imported_bag:NORD-1987-004', reason: expect.stringContaining('ENOTDIR') }) }]);
    });
  });

  it('refuses bytes that do not hash as their source states, before they are recorded', async () => {
    const refused = await withArchive((deps) =>
      ingestPackage(deps, context, {
        sourceType: 'imported_bag',
        sourceId: 'NORD-1987-005',
        reference: 'NORD-1987-005',
        agencyCode: 'ARCHIVES',
        retentionClass: CLASS,
        description: { title: { fr: 'Registre', ar: 'سجل', en: 'Register' }, creator: { fr: 'Nord', ar: 'الشمال', en: 'North' }, subject: 'BagIt', date: '1987', type: 'Collection', language: [] },
        files: [{ ...jsonFile('data/page.json', 'document', { page: 5 }), expected: { sha256: checksum('sha256', 'another page') } }],
      }).catch((e: unknown) => e),
    );
    expect(refused).toMatchObject({ status: 422, code: 'archive_file_changed', params: { file: 'data/page.json', algorithm: 'sha256', expected: checksum('sha256', 'another page') } });
    await withArchive(async ({ db }) => {
      expect(await db.selectFrom('archive_packages').select('state').where('source_id', '=', 'NORD-1987-005').execute()).toEqual([{ state: 'ingesting' }]);
    });
  });
});

describe('guichet archive export and import on the command line', () => {
  it('exits 1 naming an unknown package, and 2 with the usage line when an argument is missing or wrong', async () => {
    const unknown = guichet('archive', 'export', 'KD-ARC-2099-999999', path.join(workspace, 'never'));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual(['Archive package not found: KD-ARC-2099-999999.', 'No bag was written.']);
    const missing = guichet('archive', 'export', 'KD-ARC-2099-999999');
    expect([missing.status, missing.stderr.trim()]).toEqual([2, 'usage: guichet archive export ID DIR']);
    const wrong = guichet('archive', 'import', workspace, '--access', 'secret');
    expect([wrong.status, wrong.stderr.trim()]).toEqual([2, 'usage: guichet archive import DIR [--agency CODE] [--class CLASS] [--access public|restricted|confidential]']);
  }, 60_000);
});
