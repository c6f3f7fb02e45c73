import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { commandDatabase, runGuichet, type CommandDatabase } from '../support/command-database.ts';
import { frenchPage } from './scanned-ingest-support.ts';

/** `guichet archive ingest`: the same batches, read and stored in the command's own process, with a progress bar. */
let cli: CommandDatabase;
let scans: string;

beforeAll(async () => {
  cli = await commandDatabase('guichet-archive-ingest-', { DEFAULT_LOCALE: 'en' });
  const seeded = runGuichet(cli.env, 'seed');
  expect(seeded.status, seeded.stderr).toBe(0);
  scans = path.join(cli.dataDir, 'scans');
  await fs.mkdir(scans);
  const page = await frenchPage();
  await fs.writeFile(path.join(scans, 'prefecture-1987.png'), page);
  // A scan renamed by mistake: a PNG called .pdf.
  await fs.writeFile(path.join(scans, 'feuillet-2.pdf'), page.subarray(0, 2000));
}, 120_000);

afterAll(async () => {
  await cli?.remove();
});

const ingest = (...args: string[]) => runGuichet(cli.env, 'archive', 'ingest', ...args);
const description = ['--title', 'Registres de la préfecture', '--title-ar', 'سجلات المحافظة', '--class', 'customs-declarations-10y', '--date', '1985/1990', '--creator', 'CUSTOMS', '--languages', 'fra'];

async function packagesStored() {
  const handle = await openDatabase(cli.options);
  try {
    const packages = await handle.db.selectFrom('archive_packages').select(['identifier', 'source_reference', 'state', 'access_level']).where('source_type', '=', 'scanned_record').orderBy('identifier').execute();
    const audited = await handle.db.selectFrom('audit_entries').select(['action', 'actor_label']).where('action', 'like', 'archive.scan_%').orderBy('seq').execute();
    return { packages, audited };
  } finally {
    await handle.close();
  }
}

describe('guichet archive ingest', () => {
  it('stores each good file as a package, prints its identifier, refuses the bad one with its reason and exits 1', async () => {
    const run = ingest(...description, '--access', 'public', scans);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('REFUSED feuillet-2.pdf: feuillet-2.pdf: its name or declared type says .pdf, but its content is image/png.');
    expect(run.stdout).toMatch(/Batch KD-SCAN-\d{4}-\d{6}: 1 file\(s\) accepted, 1 refused\./);
    expect(run.stdout).toMatch(/prefecture-1987\.png → KD-ARC-\d{4}-\d{6} \(1 page\(s\), OCR confidence \d+\)/);
    // Not a terminal: a line per file settled rather than a bar.
    expect(run.stderr).toContain('Reading and archiving: prefecture-1987.png stored');
    const identifier = /→ (KD-ARC-\d{4}-\d{6})/.exec(run.stdout)?.[1];
    const { packages, audited } = await packagesStored();
    expect(packages).toEqual([{ identifier, source_reference: expect.stringMatching(/^KD-SCAN-\d{4}-\d{6}-001$/), state: 'stored', access_level: 'public' }]);
    expect(audited.map((a) => `${a.action} ${a.actor_label}`)).toEqual([
      'archive.scan_batch_created cli: archive ingest',
      'archive.scan_file_accepted cli: archive ingest',
      'archive.scan_batch_submitted cli: archive ingest',
      'archive.scan_item_stored archive: scanned records',
    ]);
  }, 120_000);

  it('exits 0 when every file is stored, and 2 without the description', async () => {
    const good = ingest(...description, path.join(scans, 'prefecture-1987.png'));
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/prefecture-1987\.png → KD-ARC-/);
    expect((await packagesStored()).packages).toHaveLength(2);

    const usage = ingest('--title', 'Registres', path.join(scans, 'prefecture-1987.png'));
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--class is required');
    const onlyBad = ingest(...description, path.join(scans, 'feuillet-2.pdf'));
    expect(onlyBad.status).toBe(1);
    expect(onlyBad.stderr).toContain('No file accepted: nothing was archived.');
    expect((await packagesStored()).audited.filter((a) => a.action === 'archive.scan_batch_created')).toHaveLength(2);
  }, 120_000);
});
