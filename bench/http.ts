import path from 'node:path';
import { freePort, load, QUICK, round, signIn, startProcess, stopProcess, withPlatform } from './harness.ts';
import { rawInsertRate } from './raw-insert.ts';

/**
 * HTTP benchmark: an authenticated read (GET /api/session) and an audited write (POST
 * /api/api-clients: row + hash-chained audit entry in one transaction) against the platform in its
 * own process, compared in the same run with a bare Fastify route and raw single-row INSERT
 * transactions on the same engine.
 */
const barePort = await freePort();
const bare = await startProcess(process.execPath, [path.join(import.meta.dirname, 'bare-fastify.ts')], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/bare`);
const bareResult = await load({ url: `http://127.0.0.1:${barePort}/bare` });
await stopProcess(bare);

await withPlatform(async ({ base, databaseUrl, schema, dataDir, engine }) => {
  const admin = await signIn(base, 'admin@demo.guichet.test');
  const read = await load({ url: `${base}/api/session`, headers: { cookie: admin.cookie } });
  const write = await load({
    url: `${base}/api/api-clients`,
    method: 'POST',
    headers: admin.headers,
    body: JSON.stringify({ name: 'bench client', role: 'auditor', agencyId: null }),
  });
  const raw = await rawInsertRate(databaseUrl, schema, 10, path.join(dataDir, 'raw-pg'));
  // The same on one connection, one transaction after another: what a lone client sees.
  const rawSequential = databaseUrl ? await rawInsertRate(databaseUrl, schema, 1) : raw;
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
});
