import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadFromPdf } from '../../src/modules/documents/pdf-payload.ts';
import { signedIn } from '../support/applications.ts';
import { startTestApp } from '../support/app.ts';
import { ApiClient } from '../support/client.ts';
import { approvedFile, download, issued } from './support.ts';
import { childProcessSchema } from '../support/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
const run = promisify(execFile);

let dir: string;
let licence: { number: string; validUntil: string; kid: string };
let payload: string;
/** Nothing to reach: no database URL, an empty data directory. */
let offline: NodeJS.ProcessEnv;

/** Runs `guichet …`; resolves with its exit status and output whatever the status. */
async function guichet(args: string[], env: NodeJS.ProcessEnv = offline): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-verify-'));
  offline = { PATH: process.env.PATH, DATA_DIR: path.join(dir, 'nothing-here') };
  // The issuer: a document issued, its PDF and the published keys saved, then the platform stopped.
  const platform = await startTestApp({}, process.env.DATABASE_URL);
  try {
    const moussa = await signedIn(platform.url, 'moussa.traore');
    const document = await issued(moussa, (await approvedFile(platform.url, moussa, 'import-licence')).id, 'document');
    const { pdf } = await download(moussa, document.id);
    await fs.writeFile(path.join(dir, 'licence.pdf'), pdf);
    await fs.writeFile(path.join(dir, 'jwks.json'), JSON.stringify((await new ApiClient(platform.url).request('GET', '/.well-known/jwks.json')).body));
    licence = document;
    payload = payloadFromPdf(pdf) ?? '';
  } finally {
    await platform.close();
  }
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('guichet verify, offline', () => {
  it('verifies an issued PDF with only the published keys', async () => {
    const result = await guichet(['verify', path.join(dir, 'licence.pdf'), '--keys', path.join(dir, 'jwks.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`VALID — signed by COMMERCE with key ${licence.kid}`);
    expect(result.stdout).toContain(`Document  ${licence.number} (import_licence)`);
    expect(result.stdout).toContain('Holder    Kandara Riz Import SARL (KD-2019-004512)');
    expect(result.stdout).toContain('Revocation is not checked offline');
  });

  it('verifies the payload as scanned, given on the command line or in a file', async () => {
    expect((await guichet(['verify', payload, '--keys', path.join(dir, 'jwks.json')])).code).toBe(0);
    await fs.writeFile(path.join(dir, 'scanned.txt'), `${payload}\n`);
    const json = await guichet(['verify', path.join(dir, 'scanned.txt'), '--keys', path.join(dir, 'jwks.json'), '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'valid', kid: licence.kid, document: { number: licence.number, issuer: 'COMMERCE' } });
  });

  it('reports an altered payload as forged, and a key it was not given as unknown', async () => {
    const altered = payload.slice(0, 40) + (payload[40] === 'A' ? 'B' : 'A') + payload.slice(41);
    const forged = await guichet(['verify', altered, '--keys', path.join(dir, 'jwks.json')]);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/^FORGED \((malformed|bad_signature)\)/);
    await fs.writeFile(path.join(dir, 'other.json'), JSON.stringify({ keys: [] }));
    const unknown = await guichet(['verify', payload, '--keys', path.join(dir, 'other.json')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(`FORGED (unknown_key) — key ${licence.kid}`);
  });

  it('reads expired after the last day of validity (--at)', async () => {
    const lastDay = await guichet(['verify', payload, '--keys', path.join(dir, 'jwks.json'), '--at', licence.validUntil]);
    expect(lastDay.code).toBe(0);
    const dayAfter = new Date(`${licence.validUntil}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const expired = await guichet(['verify', payload, '--keys', path.join(dir, 'jwks.json'), '--at', dayAfter.toISOString().slice(0, 10)]);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toMatch(/^EXPIRED/);
  });

  it('says how to use it when the keys are missing', async () => {
    const result = await guichet(['verify', payload]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: guichet verify');
  });
});

describe('guichet keys rotate', () => {
  it("retires an agency's key and creates the next one", async () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', GUICHET_SECRET_KEY: randomBytes(32).toString('base64') };
    const server = await childProcessSchema();
    if (server) env.DATABASE_URL = server.databaseUrl;
    expect((await guichet(['seed'], env)).code).toBe(0);
    const first = await guichet(['keys', 'rotate', 'COMMERCE'], env);
    expect(first.code).toBe(0);
    const [firstKid] = first.stdout.trim().split(/\s+/);
    expect(first.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{11} {2}active$/);
    const second = await guichet(['keys', 'rotate', 'COMMERCE'], env);
    expect(second.stdout.trim().split('\n')).toEqual([`${firstKid}  retired`, expect.stringMatching(/^[A-Za-z0-9_-]{11} {2}active$/)]);
    const unknown = await guichet(['keys', 'rotate', 'NOWHERE'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('NOWHERE');
  }, 120_000);
});
