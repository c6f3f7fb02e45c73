import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR, SHIPPED_TARIFF } from '../../src/modules/customs/reference/shipped-files.ts';
import { RICE, tariffFile, tariffRow } from '../../src/modules/customs/reference/test-tariff-file.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { commandDatabase, runGuichet, type CommandDatabase } from '../support/command-database.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/cli.ts');

let cli: CommandDatabase;

beforeAll(async () => {
  cli = await commandDatabase('guichet-tariff-import-', { DEFAULT_LOCALE: 'en' });
});
afterAll(async () => {
  await cli.remove();
});

const guichet = (...args: string[]) => runGuichet(cli.env, ...args);

/** Read once the command has exited: PGlite's directory has one user at a time. */
async function versions() {
  const handle = await openDatabase(cli.options);
  try {
    const rows = await handle.db.selectFrom('customs_tariff_versions').select(['label', 'valid_from', 'valid_to', 'line_count']).orderBy('valid_from').execute();
    const audited = await handle.db.selectFrom('audit_entries').select('actor_label').where('action', '=', 'customs.tariff.imported').orderBy('seq').execute();
    return { versions: rows.map((v) => `${v.label} ${v.valid_from}…${v.valid_to ?? ''} (${v.line_count})`), auditedBy: audited.map((a) => a.actor_label) };
  } finally {
    await handle.close();
  }
}

describe('guichet tariff import', () => {
  it('loads a tariff file as a new version with progress on stderr and a summary, closing the previous one', async () => {
    const run = guichet('tariff', 'import', path.join(REFERENCE_DIR, SHIPPED_TARIFF), '--valid-from', '2026-07-01', '--label', 'Tarif révisé juillet 2026');
    expect(run.status, run.stderr).toBe(0);
    // Not a terminal: one plain line per batch of 500 lines rather than a bar.
    expect(run.stderr).toContain('Importing tariff lines: 500/5612\n');
    expect(run.stderr).toContain('Importing tariff lines: 5612/5612\n');
    expect(run.stdout).toMatch(/Tariff version "Tarif révisé juillet 2026" imported: 5612 lines, in force from 2026-07-01 \(id [0-9a-f-]{36}, file sha256 [0-9a-f]{64}\)\./);
    expect(run.stdout).toContain('The previous version "Tarif des douanes de Kandara 2026" now ends on 2026-06-30.');
    expect(await versions()).toEqual({
      versions: ['Tarif des douanes de Kandara 2026 2026-01-01…2026-06-30 (5612)', 'Tarif révisé juillet 2026 2026-07-01… (5612)'],
      auditedBy: ['reference data', 'cli: tariff import'],
    });
  }, 120_000);

  it('lists every bad line with its number and imports nothing', async () => {
    const file = path.join(cli.dataDir, 'bad-tariff.csv');
    await fs.writeFile(file, tariffFile([RICE, tariffRow({ band: '15' }), tariffRow({ national_line: '1006400000', hs6: '100640', excise_kind: 'specific', excise_rate: '150' })], { valid_from: '2026-09-01' }));
    const run = guichet('tariff', 'import', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`2 problem(s) in ${file}; nothing was imported:`);
    expect(run.stderr).toContain('line 8 (lines[8].band): Duty band "15" is not one of 0, 5, 10, 20, 35 (per cent).');
    expect(run.stderr).toContain('line 9 (lines[9].excise_unit): Excise unit "" does not fit a specific excise');
    expect(run.stderr).not.toContain('Importing tariff lines');
    expect((await versions()).versions).toHaveLength(2);
  }, 120_000);

  it('refuses a version that would start before the one in force', async () => {
    const file = path.join(cli.dataDir, 'early-tariff.csv');
    await fs.writeFile(file, tariffFile([RICE], { valid_from: '2026-03-01' }));
    const run = guichet('tariff', 'import', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Import refused: A tariff version cannot start on 2026-03-01: version "Tarif révisé juillet 2026" is in force from 2026-07-01');
    expect((await versions()).versions).toHaveLength(2);
  }, 120_000);

  // `script` (util-linux) gives the command a terminal, where cli-progress draws its bar.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('draws a progress bar on a terminal', async () => {
    const command = [process.execPath, CLI, 'tariff', 'import', path.join(REFERENCE_DIR, SHIPPED_TARIFF), '--valid-from', '2026-10-01', '--label', 'Tarif octobre'].map((a) => `'${a}'`).join(' ');
    const run = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], { env: cli.env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Importing tariff lines \[█+\] 100% \| 5612\/5612/);
    expect(run.stdout).not.toContain('Importing tariff lines: 500/5612');
    expect(run.stdout).toContain('The previous version "Tarif révisé juillet 2026" now ends on 2026-09-30.');
    expect((await versions()).versions).toHaveLength(3);
  }, 120_000);

  it('explains its usage when the file is missing', () => {
    const run = guichet('tariff', 'import');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: guichet tariff import FILE [--valid-from YYYY-MM-DD] [--label TEXT]');
  }, 120_000);
});
