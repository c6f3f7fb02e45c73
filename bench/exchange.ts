import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { seedDemoCountry } from '../src/demo/seed.ts';
import { migrations } from '../src/migrations.ts';
import { httpExchange } from '../src/modules/exchange/transport-http.ts';
import { loadConfig } from '../src/platform/config.ts';
import { secretBox } from '../src/platform/crypto/secret-box.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { QUICK, round, signIn, withPlatform, type Session } from './harness.ts';

/**
 * Signed round trips between two instances on loopback. Instance B (KD) runs `guichet start` in its
 * own process; instance A (KA) is built in this process, so its customs calls B's `document-status` through `exchange.call` with no HTTP hop in front: sign, send, B
 * verifies, checks the right and the schema, answers signed, both sides log, A verifies. The
 * baseline is a plain HTTP round trip between the same two processes (B's /healthz) on the same
 * keep-alive agent, in the same run.
 */
/** Many callers at once, as a national exchange sees: each side commits its log in batches (group commit). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 128);
const SECONDS = QUICK ? 5 : 15;

async function establish(base: string, session: Session, partner: { url: string; instance: string }) {
  const anchor = (await (await fetch(`${partner.url}/api/federation/anchor`)).json()) as { kid: string };
  const response = await fetch(`${base}/api/federation/partners`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({ instance: partner.instance, baseUrl: partner.url, anchorKid: anchor.kid }),
  });
  if (response.status !== 201) throw new Error(`federation with ${partner.instance} failed: ${response.status} ${await response.text()}`);
}

/** Runs `once` from CONCURRENCY loops for SECONDS; latencies in ms. */
async function drive(once: () => Promise<void>) {
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  let failures = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await once();
          latencies.push(performance.now() - t0);
        } catch (error) {
          failures += 1;
          if (failures === 1) console.error(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0, 2);
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), failures, count: latencies.length };
}

await withPlatform(async ({ base: b, databaseUrl, schema, engine }) => {
  // Instance A in this process, on its own database: a schema beside B's, or PGlite on disk.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-bench-a-'));
  const aUrl = databaseUrl ? (() => {
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}_a`);
    return url.toString();
  })() : undefined;
  if (databaseUrl) {
    const pg = await import('pg');
    const pool = new pg.default.Pool({ connectionString: databaseUrl, max: 1 });
    await pool.query(`create schema ${schema}_a`);
    await pool.end();
  }
  const database = await openDatabase({ databaseUrl: aUrl, poolSize: 10, pgliteDir: aUrl ? undefined : path.join(dataDir, 'pg') });
  try {
    await migrateToLatest(database.db, migrations);
    await seedDemoCountry(database.db, { instance: 'KA' });
    const env = { LOG_LEVEL: 'warn', PORT: '0', DATA_DIR: dataDir, EXCHANGE_INSTANCE: 'KA', AUTH_ATTEMPTS_PER_MINUTE: '1000' };
    const a = await buildApp({ config: loadConfig(env), database, box: secretBox(randomBytes(32)), env });
    a.bus.start(database.db);
    await a.exchange.start();
    const aBase = await a.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await establish(aBase, await signIn(aBase, 'admin@demo.guichet.test'), { url: b, instance: 'KD' });
      await establish(b, await signIn(b, 'admin@demo.guichet.test'), { url: aBase, instance: 'KA' });
      const call = () => a.exchange.call({ client: 'KA/GOV/CUSTOMS', provider: 'KD/GOV/COMMERCE', service: 'document-status', version: 'v1', body: { documentId: randomUUID() } });
      const first = await call();
      if (first.status !== 200) throw new Error(`unexpected answer ${JSON.stringify(first)}`);
      const plainRequest = { method: 'GET', targetUri: `${b}/healthz`, headers: {}, body: Buffer.alloc(0) };
      // Warm both paths (JIT, connections, registry snapshots), then measure each in turn.
      await Promise.all(Array.from({ length: 200 }, () => call()));
      const plain = await drive(async () => {
        const response = await httpExchange(plainRequest, 10_000);
        if (response.status !== 200) throw new Error(`plain ${response.status}`);
      });
      const signed = await drive(async () => {
        await call();
      });
      const logged = await database.db.selectFrom('exchange_message_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      console.log(`engine ${engine}${QUICK ? ' (quick)' : ''}, ${CONCURRENCY} concurrent callers, ${SECONDS} s each`);
      console.log(`plain HTTP round trip    ${round(plain.rps)} /s  p50 ${plain.p50} ms  p99 ${plain.p99} ms`);
      console.log(`signed round trip        ${round(signed.rps)} /s  p50 ${signed.p50} ms  p99 ${signed.p99} ms  failures ${signed.failures}`);
      console.log(`instance A's message log holds ${logged.n} entries`);
      if (signed.failures + plain.failures > 0) throw new Error('the benchmark saw failed round trips; figures are not valid');
      console.log(
        JSON.stringify({
          bench: 'exchange',
          metric: 'signed_round_trips_per_s',
          value: round(signed.rps),
          unit: 'round trips/s',
          p50_ms: signed.p50,
          p99_ms: signed.p99,
          baseline: 'plain_http_round_trips_per_s',
          baseline_value: round(plain.rps),
          ratio: round(signed.rps / plain.rps, 3),
          engine,
          concurrency: CONCURRENCY,
          plain_p50_ms: plain.p50,
          plain_p99_ms: plain.p99,
        }),
      );
    } finally {
      await a.app.close();
      await a.exchange.stop();
      await a.bus.stop();
    }
  } finally {
    await database.close();
    await fs.rm(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const pg = await import('pg');
      const pool = new pg.default.Pool({ connectionString: databaseUrl, max: 1 });
      await pool.query(`drop schema if exists ${schema}_a cascade`);
      await pool.end();
    }
  }
});
