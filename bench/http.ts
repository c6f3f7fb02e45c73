import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/country.ts';
import { freePort, load, QUICK, round, startProcess, stopProcess } from './harness.ts';
import { rawInsertRate } from './raw-insert.ts';

/**
 * HTTP benchmark: an authenticated read (GET /api/session) and an audited write (POST
 * /api/api-clients: row + hash-chained audit entry in one transaction) against the platform in its
 * own process, compared in the same run with a bare Fastify route and raw single-row INSERT
 * transactions on the same engine.
 */
const databaseUrl = process.env.DATABASE_URL;
const schema = `bench_${Date.now().toString(36)}`;
const node = process.execPath;
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
  const barePort = await freePort();
  const bare = await startProcess(node, [path.join(root, 'bench/bare-fastify.ts')], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/bare`);
  const bareResult = await load({ url: `http://127.0.0.1:${barePort}/bare` });
  await stopProcess(bare);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const platform = await startProcess(
    node,
    [path.join(root, 'src/cli.ts'), 'start'],
    { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: platformUrl ?? '', AUTH_ATTEMPTS_PER_MINUTE: '1000' },
    `${base}/readyz`,
  );
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.guichet.test', password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const read = await load({ url: `${base}/api/session`, headers: { cookie } });
    const write = await load({
      url: `${base}/api/api-clients`,
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench client', role: 'auditor', agencyId: null }),
    });
    const raw = await rawInsertRate(databaseUrl, schema, 10, path.join(dataDir, 'raw-pg'));
    // The same on one connection, one transaction after another: what a lone client sees.
    const rawSequential = databaseUrl ? await rawInsertRate(databaseUrl, schema, 1) : raw;
    const engine = databaseUrl ? 'postgres' : 'pglite';
    console.log(`engine ${engine}${QUICK ? ' (quick)' : ''}`);
    console.log(`bare fastify        ${round(bareResult.rps)} req/s  p50 ${bareResult.p50} ms  p99 ${bareResult.p99} ms`);
    console.log(`authenticated read  ${round(read.rps)} req/s  p50 ${read.p50} ms  p99 ${read.p99} ms  non-2xx ${read.non2xx}`);
    console.log(`audited write       ${round(write.rps)} req/s  p50 ${write.p50} ms  p99 ${write.p99} ms  non-2xx ${write.non2xx}`);
    console.log(
      databaseUrl
        ? `raw insert txns     ${round(raw)} tx/s (10 connections)  ${round(rawSequential)} tx/s (1 connection)`
        : `raw insert txns     ${round(raw)} tx/s (PGlite's one connection, on disk)`,
    );
    if (read.non2xx + write.non2xx + read.errors + write.errors > 0) throw new Error('the benchmark saw failed requests; figures are not valid');
    console.log(
      JSON.stringify({
        bench: 'http',
        metric: 'audited_write_rps',
        value: round(write.rps),
        unit: 'req/s',
        p50_ms: write.p50,
        p99_ms: write.p99,
        baseline: `raw_${engine}_insert_tx_per_s`,
        baseline_value: round(raw),
        ratio: round(write.rps / raw, 3),
        engine,
        raw_insert_single_connection_tx_per_s: round(rawSequential),
        ratio_to_single_connection_raw: round(write.rps / rawSequential, 3),
        authenticated_read_rps: round(read.rps),
        authenticated_read_p50_ms: read.p50,
        authenticated_read_p99_ms: read.p99,
        bare_fastify_rps: round(bareResult.rps),
        read_ratio_to_bare_fastify: round(read.rps / bareResult.rps, 3),
        write_ratio_to_bare_fastify: round(write.rps / bareResult.rps, 3),
      }),
    );
  } finally {
    await stopProcess(platform);
  }
} finally {
  await fs.rm(dataDir, { recursive: true, force: true });
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    await pool.query(`drop schema if exists ${schema} cascade`);
    await pool.end();
  }
}
