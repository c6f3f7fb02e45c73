import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/country.ts';

export const QUICK = process.env.BENCH_QUICK === '1';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Drives a URL with autocannon from this process while the server runs in its own. */
export async function load(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: 16, duration: QUICK ? 4 : 15, ...options });
  // Completed requests over elapsed time: autocannon's per-second average counts a last partial
  // second as a whole one, which skews short runs with a fixed number of requests.
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  return { rps: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** Starts a child process and resolves once `url` answers. */
export async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`${url} did not answer within 60 s`);
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface BenchPlatform {
  /** http://127.0.0.1:PORT of the platform running in its own process. */
  base: string;
  databaseUrl: string | undefined;
  /** The fresh schema the platform uses on PostgreSQL (raw baselines run beside it). */
  schema: string;
  dataDir: string;
  engine: 'postgres' | 'pglite';
}

/**
 * Runs `body` against the platform started in its own process with the demo data: on a fresh
 * PostgreSQL schema when DATABASE_URL is set (dropped afterwards), else on PGlite in a temporary
 * directory.
 */
export async function withPlatform<T>(body: (platform: BenchPlatform) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = `bench_${Date.now().toString(36)}`;
  const root = path.resolve(import.meta.dirname, '..');
  let platformUrl = databaseUrl;
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    await pool.query(`create schema ${schema}`);
    await pool.end();
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    platformUrl = url.toString();
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-bench-'));
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = await startProcess(
      process.execPath,
      [path.join(root, 'src/cli.ts'), 'start'],
      { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: platformUrl ?? '', AUTH_ATTEMPTS_PER_MINUTE: '1000' },
      `${base}/readyz`,
    );
    try {
      return await body({ base, databaseUrl, schema, dataDir, engine: databaseUrl ? 'postgres' : 'pglite' });
    } finally {
      await stopProcess(child);
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
      await pool.query(`drop schema if exists ${schema} cascade`);
      await pool.end();
    }
  }
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a JSON change request of this session. */
  headers: Record<string, string>;
}

export async function signIn(base: string, email: string): Promise<Session> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email} failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}
