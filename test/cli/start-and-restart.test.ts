import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessSchema } from '../support/db.ts';
import { freePort } from '../support/guichet-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');

/** The same engine the suite runs on: PGlite in DATA_DIR, or a fresh schema on the server. */
let env: NodeJS.ProcessEnv;
let dataDir: string;
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-cli-'));
  // The demo's mobile-money simulator takes any free port, so a developer's own demo on 3100 does not collide.
  env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', SIMULATOR_PORT: '0', MINISTRY_PORT: '0', MOBILE_MONEY_URL: '' };
  const server = await childProcessSchema();
  if (server) env.DATABASE_URL = server.databaseUrl;
});
/** Every platform started, so a failed assertion never leaves one running (with its simulator and ministry) after the file. */
const started: ChildProcess[] = [];
afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await fs.rm(dataDir, { recursive: true, force: true });
});

function guichet(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'start'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 45_000;
  // The demo's banner ends with the ministry register's address; pipes may deliver it in several chunks.
  while (!output.includes('Ministry of Agriculture register (exchange member')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`start failed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function countUsers(port: number): Promise<number> {
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.guichet.test', password: 'Guichet-Demo-2026' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const users = await fetch(`http://127.0.0.1:${port}/api/users`, { headers: { cookie } });
  return ((await users.json()) as { items: unknown[] }).items.length;
}

describe('the guichet command', () => {
  it('prints its usage with --help', () => {
    const result = guichet('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('audit verify');
    expect(guichet('frobnicate').status).toBe(2);
  });

  it('starts with demo data, keeps it across a restart without seeding twice, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.output()).toContain('admin@demo.guichet.test');
    expect(first.output()).toContain(`http://127.0.0.1:${port}`);
    const staff = await countUsers(port);
    expect(staff).toBe(10);
    // The mobile-money simulator runs beside it, in its own process, and stops with it.
    const phone = /Mobile-money simulator: (http:\/\/127\.0\.0\.1:\d+)\/phone/.exec(first.output())?.[1];
    expect(phone).toBeDefined();
    expect((await fetch(`${phone}/phone/221770000000?lang=en`)).status).toBe(200);
    // So does the Ministry of Agriculture's register, an outside member of the exchange.
    const ministry = /Ministry of Agriculture register \(exchange member KD\/GOV\/AGRICULTURE\/phytosanitary\): (http:\/\/127\.0\.0\.1:\d+)/.exec(first.output())?.[1];
    expect(ministry).toBeDefined();
    expect((await fetch(`${ministry}/healthz`)).status).toBe(200);
    expect(await stop(first.child)).toBe(0);
    await expect(fetch(`${phone}/phone/221770000000`)).rejects.toThrow();
    await expect(fetch(`${ministry}/healthz`)).rejects.toThrow();

    const second = await start(port);
    expect(await countUsers(port)).toBe(staff);
    expect(await stop(second.child)).toBe(0);

    const verify = guichet('audit', 'verify');
    expect(verify.status).toBe(0);
    // 9 agencies + their 9 exchange members and 9 exchange keys + 14 accounts + 9 shipped procedures published once,
    // the ministry register (member, key, its 2 services and their rights; its endpoint again on the second
    // start's new port), customs reference data (datasets, first tariff version), 4 regulatory rules and the
    // selectivity profiles, the permit registers' 3 services on 2 agencies with Customs' 6 rights and 3 demo
    // permits, the port community system (member, key, services, rights), the demo's vehicle passes,
    // the archive's 7 retention classes, plus one sign-in per start.
    expect(verify.stdout).toMatch(/audit chain intact: 106 entries/);
  }, 120_000);

  it('migrates idempotently and refuses a bad configuration with a clear message', () => {
    const migrate = guichet('migrate');
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain('migrations applied: 0');
    const bad = spawnSync(process.execPath, [CLI, 'migrate'], { env: { ...env, PORT: 'eighty' }, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('PORT must be an integer');
  });

  it('exits 1 and names the entry when the audit chain was tampered with', async () => {
    if (process.env.DATABASE_URL) {
      const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
      await pool.query(`update audit_entries set action = 'user.deleted' where seq = 7`);
      await pool.end();
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      const db = await PGlite.create(path.join(dataDir, 'pg'));
      await db.query(`update audit_entries set action = 'user.deleted' where seq = 7`);
      await db.close();
    }
    const verify = guichet('audit', 'verify');
    expect(verify.status).toBe(1);
    expect(verify.stderr).toContain('audit entry #7 altered');
  });
});
