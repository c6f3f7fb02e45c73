import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBag } from '../../src/platform/bagit/index.ts';
import { checksum, handBuiltBag, validBagFiles } from '../../src/platform/bagit/test-bags.ts';
import { runGuichet } from '../support/command-database.ts';

let workspace: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-bag-cli-'));
  // A database nobody can reach, and an empty DATA_DIR: the command must open neither.
  env = { ...process.env, DATA_DIR: path.join(workspace, 'data'), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DEFAULT_LOCALE: 'en', LOG_LEVEL: 'warn' };
});
afterAll(() => fs.rm(workspace, { recursive: true, force: true }));

describe('guichet archive validate DIR', () => {
  it('says a bag the archive writes is valid, without opening a database', async () => {
    const dir = path.join(workspace, 'KD-2026-0001');
    const written = await writeBag(dir, [{ path: 'record.json', source: Buffer.from('{"number":"KD-2026-0001"}') }, { path: 'scans/licence.pdf', source: Buffer.from('%PDF-1.7 …') }], { 'External-Identifier': 'KD-2026-0001' });
    expect(written.payloadOxum).toBe('37.2');
    const run = runGuichet(env, 'archive', 'validate', dir);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('valid: BagIt 1.0, 2 payload files, 37 bytes');
    expect(run.status).toBe(0);
    await expect(fs.stat(env.DATA_DIR as string)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a bag with a path leaving it and a manifest listing a missing file, naming each file and reason', async () => {
    const letter = checksum('sha256', 'Import licence KD-2026-0001\n');
    const dir = await handBuiltBag(validBagFiles((files) => (files['manifest-sha256.txt'] += `${letter} data/../../../etc/passwd\n${letter} data/annex.pdf\n`)), workspace);
    const run = runGuichet(env, 'archive', 'validate', dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `invalid bag ${dir}: 2 problem(s)`,
      'manifest-sha256.txt line 3: data/../../../etc/passwd points outside the bag',
      'data/annex.pdf is listed in manifest-sha256.txt (line 4) but is not in the bag',
    ]);
  });

  it('speaks the platform language', async () => {
    const dir = await handBuiltBag(validBagFiles((files) => (files['data/letter.txt'] = 'Import licence KD-2026-9999\n')), workspace);
    const run = runGuichet({ ...env, DEFAULT_LOCALE: 'fr' }, 'archive', 'validate', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`data/letter.txt : son empreinte sha256 est ${checksum('sha256', 'Import licence KD-2026-9999\n')}`);
  });

  it('exits 2 without a directory', () => {
    const run = runGuichet(env, 'archive', 'validate');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('usage: guichet archive validate DIR');
  });
});
