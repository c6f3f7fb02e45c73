import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { commandDatabase, runGuichet, type CommandDatabase } from '../support/command-database.ts';
import { cusdecDeclaration, cusdecOf } from './legacy-files.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../reference-data/legacy/sigad-export-sample.csv');
const BAD_LINES = path.resolve(import.meta.dirname, '../fixtures/legacy/export-with-bad-lines.csv');

let cli: CommandDatabase;

beforeAll(async () => {
  cli = await commandDatabase('guichet-legacy-import-', { DEFAULT_LOCALE: 'en' });
});
afterAll(async () => {
  await cli.remove();
});

const guichet = (...args: string[]) => runGuichet(cli.env, ...args);

/** Read once the command has exited: PGlite's directory has one user at a time. */
async function stored() {
  const handle = await openDatabase(cli.options);
  try {
    const declarations = await handle.db.selectFrom('legacy_declarations').select('legacy_reference').orderBy('legacy_reference').execute();
    const audited = await handle.db.selectFrom('audit_entries').select('actor_label').where('action', '=', 'legacy.import.finished').execute();
    return { references: declarations.map((d) => d.legacy_reference), audited: audited.map((a) => a.actor_label) };
  } finally {
    await handle.close();
  }
}

describe('guichet legacy import', () => {
  it('imports a CSV export with progress and counts, and imports nothing new the second time', async () => {
    const first = guichet('legacy', 'import', SAMPLE);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('Importing legacy declarations: 6 (5 / 0 / 0)\n');
    expect(first.stdout).toMatch(/sigad-export-sample\.csv: 6 read, 5 imported, 0 already present, 0 rejected \(run [0-9a-f-]{36}, sha256 [0-9a-f]{64}\)\./);
    const again = guichet('legacy', 'import', SAMPLE);
    expect(again.stdout).toContain('6 read, 0 imported, 5 already present, 0 rejected');
    expect(await stored()).toEqual({ references: ['SIGAD-2025-104211', 'SIGAD-2025-104212', 'SIGAD-2025-104213', 'SIGAD-2025-104214', 'SIGAD-2025-104215'], audited: ['cli: legacy import', 'cli: legacy import'] });
  }, 120_000);

  it('prints each rejected line with its reason, and refuses a malformed interchange naming the segment', async () => {
    const bad = guichet('legacy', 'import', BAD_LINES);
    expect(bad.status).toBe(0);
    expect(bad.stdout).toContain('8 read, 2 imported, 0 already present, 6 rejected');
    expect(bad.stderr).toContain('3: unknown regime "IM4"');
    expect(bad.stderr).toContain('8: the line cannot be read as CSV');

    const file = path.join(cli.dataDir, 'broken.edi');
    await fs.writeFile(file, cusdecOf([cusdecDeclaration()]).replace("UNZ+1+", "UNZ+2+"));
    const refused = guichet('legacy', 'import', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Import refused: The EDIFACT interchange is malformed at segment \d+ \(UNZ\), character \d+ \(edifact_message_count\)/);
  }, 120_000);
});
