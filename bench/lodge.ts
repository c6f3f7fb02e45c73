import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { isIso6346 } from '../src/modules/customs/declarations/containers.ts';
import type { DeclarationInput, DeclarationItemInput, Party } from '../src/modules/customs/declarations/types.ts';
import type { DeclarationDetail } from '../src/modules/customs/declarations/view.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { freePort, load, QUICK, round, signIn, startProcess, stopProcess, withPlatform, type BenchPlatform, type LoadResult, type Session } from './harness.ts';
import { rawInsertRate } from './raw-insert.ts';

/**
 * Lodgement benchmark (issue 6): POST /api/customs/declarations with ten cement items each, by the
 * demo broker for a few hundred importers, against `guichet start` in its own process. Each
 * lodgement is checked against the reference data and the matrix, assessed with the tariff and
 * rates of the day, routed by selectivity (profiles, party records, the importer's declarations of
 * the last 30 days) and stored with its version, states, notifications, event and hash-chained
 * audit entry in one transaction. Cement (HS 2523) needs no licence, so no issuer is asked over
 * the exchange. Measured flat out (autocannon) and at a fixed offered 300/s (open loop, atRate) on
 * a fresh store; then the store is filled to 1,000,000 declarations (50,000 with BENCH_QUICK=1)
 * and one declaration is fetched by reference as a customs officer, at 300/s and flat out; a full
 * run also lodges at 300/s again on the full store. Baseline in the same run: raw single-row
 * INSERT transactions on the same engine. CUSTOMS_RANDOM_SEED makes the channel draws reproducible.
 */
process.env.CUSTOMS_RANDOM_SEED ??= '2026';

const SECONDS = QUICK ? 4 : 15;
/** The secondary measurements (fixed rate, the full store) run shorter. */
const SHORT_SECONDS = QUICK ? 3 : 10;
const ITEMS = 10;
/** The issue's fixed offered rate (the JSON names its figures at_300_per_s_…). */
const OFFERED_RATE = 300;
const STORE_ROWS = QUICK ? 50_000 : 1_000_000;
/** Importers the broker declares for in this run, among the store's importers (the first is the demo's). */
const LIVE_IMPORTERS = 300;
const STORE_IMPORTERS = 3_000;
const STORE_BROKERS = 50;
/** The filled store spreads its declarations over two years, most of them released. */
const STORE_DAYS = 730;

const BROKER: Party = { taxId: 'KD-2015-000871', name: 'Transit Sahel SARL', country: 'KD' };
const importerTaxId = (i: number) => (i === 0 ? 'KD-2019-004512' : `KD-${2000 + (i % 25)}-${String(100_000 + i)}`);
const importerOf = (i: number): Party => ({
  taxId: importerTaxId(i),
  name: `${['Kandara', 'Sahel', 'Marbéla', 'Atlantique', 'Tikoro', 'Walé'][i % 6]} ${['Ciments', 'BTP', 'Matériaux', 'Construction'][i % 4]} ${['SARL', 'SA'][i % 2]}`,
  country: 'KD',
});

/**
 * Where the cement comes from: mostly overseas by sea, some items of another overseas origin;
 * Community members mostly by road, a fifth shipped from Spain (the route profile's case: yellow).
 */
const OVERSEAS = ['TR', 'TR', 'TR', 'CN', 'CN', 'EG', 'VN', 'IN', 'ES', 'MA'];
const NEIGHBOURS = ['SN', 'NG', 'TG', 'CI'];
const EXPORTERS: Record<string, string> = { TR: 'Anadolu Cement AS', CN: 'Anhui Conch Trading Co', EG: 'Suez Cement Export', VN: 'Vicem Trading JSC', IN: 'UltraTech Exports Ltd', ES: 'Cementos del Sur SA', MA: 'Ciments du Maroc SA', SN: 'Sococim Industries', NG: 'Dangote Cement Plc', TG: 'Cimtogo SA', CI: 'Ciments de Côte d’Ivoire' };
const GRADES = ['Portland cement CEM I 42.5, grey, 50 kg bags', 'Portland cement CEM II 32.5, grey, in bulk', 'Portland cement CEM I 52.5, grey, 1.5 t big bags', 'Composite cement CEM II/B-L 42.5, 50 kg bags'];
/** Invoice currencies with their units per US dollar, roughly. */
const CURRENCIES: [string, number][] = [['USD', 1], ['USD', 1], ['EUR', 0.86], ['CNY', 7.1]];

/** A small deterministic stream (an LCG), so every run lodges the same declarations. */
function draws(seed: number): () => number {
  let state = Math.imul(seed + 1, 2_654_435_761) >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

function containersFor(tonnes: number, n: number): string[] {
  const owners = ['MSCU', 'CMAU', 'MAEU', 'TGHU', 'CSQU'];
  return Array.from({ length: Math.min(20, Math.ceil(tonnes / 28)) }, (_, i) => {
    const stem = `${owners[(n + i) % owners.length]}${String((n * 31 + i) % 1_000_000).padStart(6, '0')}`;
    return `${stem}${[...'0123456789'].find((digit) => isIso6346(`${stem}${digit}`))}`;
  });
}

/** Declaration number `n` of the run: ten cement items, values around the reference price, one in ten a small consignment. */
function declarationNumber(n: number): DeclarationInput {
  const draw = draws(n);
  const pick = <T>(list: readonly T[]) => list[Math.floor(draw() * list.length)] as T;
  const community = draw() < 0.25;
  const origin = pick(community ? NEIGHBOURS : OVERSEAS);
  const byRoad = community && draw() < 0.8;
  const [currency, perDollar] = pick(CURRENCIES);
  const small = draw() < 0.1;
  let tonnes = 0;
  const items = Array.from({ length: ITEMS }, (): DeclarationItemInput => {
    const kg = Math.round((small ? 500 + draw() * 1_500 : 5_000 + draw() * 55_000) / 50) * 50;
    tonnes += kg / 1000;
    return {
      hsCode: '2523.29.00.00',
      description: pick(GRADES),
      origin: community || draw() < 0.9 ? origin : pick(OVERSEAS),
      quantity: { amount: String(kg), unit: 'KGM' },
      grossMassKg: String(kg + kg / 200),
      netMassKg: String(kg),
      customsValue: ((kg / 1000) * (85 + draw() * 75) * perDollar).toFixed(2),
      preferenceClaimed: false,
      documents: [{ type: 'commercial_invoice', reference: `INV-${n}-${currency}` }],
    };
  });
  return {
    localReference: `BENCH-${n}`,
    regime: 'import_home_use',
    officeCode: byRoad ? pick(['KDSNB01', 'KDTKO01', 'KDWAL01']) : pick(['KDKAN01', 'KDKAN01', 'KDMRB01']),
    declarant: BROKER,
    importer: importerOf(Math.floor(draw() * LIVE_IMPORTERS)),
    exporter: { taxId: `${origin}-EXP-${1000 + (n % 7)}`, name: EXPORTERS[origin] ?? 'Cement exporter', country: origin },
    transport: byRoad
      ? { mode: 'road', meansId: `${origin}-${1000 + (n % 9000)}-KD`, dispatchCountry: origin, containers: [] }
      : { mode: 'sea', meansId: `IMO${9_300_000 + (n % 99_999)}`, dispatchCountry: community ? 'ES' : origin, containers: containersFor(tonnes, n) },
    invoiceCurrency: currency,
    items,
  };
}

let lodged = 0;
const nextBody = () => JSON.stringify(declarationNumber((lodged += 1)));

/** Lodges flat out through autocannon (16 connections), bounded in time and in count. */
const lodgeFlatOut = (base: string, broker: Session, seconds: number) =>
  load({
    url: base,
    duration: seconds,
    maxOverallRequests: 2_000 * seconds,
    headers: broker.headers,
    requests: [{ method: 'POST', path: '/api/customs/declarations', setupRequest: (request) => ({ ...request, body: nextBody() }) }],
  });

/** Fetches the sampled references flat out through autocannon (16 connections). */
function fetchFlatOut(base: string, officer: Session, references: string[], seconds: number) {
  let next = 0;
  return load({
    url: base,
    duration: seconds,
    maxOverallRequests: 5_000 * seconds,
    headers: { cookie: officer.cookie },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/customs/declarations/${references[next++ % references.length]}` }) }],
  });
}

/** Most requests in flight at once at a fixed rate: past it the server is far behind, and the next request waits (its latency still counts from when it was due). */
const MOST_IN_FLIGHT = 64;
/** node:http on kept-alive sockets: fetch costs the load generator more CPU per request, and this 2-core machine shares it with the server. */
const agent = new http.Agent({ keepAlive: true, maxSockets: MOST_IN_FLIGHT });

/** Sends one request and reads the answer to its end; resolves with the status. */
function send(url: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: body === undefined ? 'GET' : 'POST', headers, agent, timeout: 30_000 }, (response) => {
      response.on('end', () => resolve(response.statusCode ?? 0)).on('error', reject).resume();
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 30 s'))).on('error', reject);
    request.end(body);
  });
}

interface RateResult extends LoadResult {
  /** Requests sent of the rate × seconds offered: fewer when the server fell behind by MOST_IN_FLIGHT. */
  sent: number;
  offered: number;
}

/**
 * Open-loop load at a fixed offered rate: request i is due at start + i/rate whatever the earlier
 * ones are doing, and its latency counts from when it was due, so a slow server cannot hide its
 * queue (no coordinated omission). autocannon's overallRate is not this: each connection sends
 * its share of a second back to back and then waits for the next second, and its correction
 * assumes 1 ms between requests. Bounded: nothing is sent after `seconds`; each request is
 * abandoned after 30 s.
 */
async function atRate(seconds: number, expected: number, next: () => Promise<number>): Promise<RateResult> {
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  for (let due = started; due < until; due = started + (sent * 1000) / OFFERED_RATE) {
    if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    if (inFlight.size >= MOST_IN_FLIGHT) await Promise.race(inFlight);
    if (performance.now() >= until) break;
    sent += 1;
    const request: Promise<void> = next()
      .then((status) => {
        if (status === expected) latencies.push(performance.now() - due);
        else non2xx += 1;
      })
      .catch(() => {
        errors += 1;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  latencies.sort((x, y) => x - y);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { rps: latencies.length / ((performance.now() - started) / 1000), p50: at(0.5), p99: at(0.99), errors, non2xx, sent, offered: OFFERED_RATE * seconds };
}

const lodgeAtRate = (base: string, broker: Session, seconds: number) => atRate(seconds, 201, () => send(`${base}/api/customs/declarations`, broker.headers, nextBody()));

function fetchAtRate(base: string, officer: Session, references: string[], seconds: number) {
  let next = 0;
  return atRate(seconds, 200, () => send(`${base}/api/customs/declarations/${references[next++ % references.length]}`, { cookie: officer.cookie }));
}

/** Warm-up lodgements, read back as they are answered: the channel mix, and the templates of the filled store. */
async function warmUp(base: string, broker: Session, count: number): Promise<DeclarationDetail[]> {
  const details: DeclarationDetail[] = [];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (lodged < count) {
        const response = await fetch(`${base}/api/customs/declarations`, { method: 'POST', headers: broker.headers, body: nextBody() });
        if (response.status !== 201) throw new Error(`lodgement refused: ${response.status} ${await response.text()}`);
        details.push((await response.json()) as DeclarationDetail);
      }
    }),
  );
  return details;
}

/**
 * Fills the store to `rows` declarations in one INSERT … SELECT over generate_series. Each row is
 * one of the warm-up lodgements, with its own reference, LRN, importer among STORE_IMPORTERS,
 * declarant among STORE_BROKERS and day in the last two years (released after two weeks). The
 * payload, assessment and risk are the template's as the platform wrote them, copied still
 * compressed from a temporary table: editing the payload's LRN and parties to match the columns
 * would decompress and compress every row again and double the fill time; nothing read here
 * depends on them. Returns references to fetch, in random order.
 */
async function fillStore(options: Parameters<typeof openDatabase>[0], templates: DeclarationDetail[], rows: number) {
  const database = await openDatabase({ ...options, poolSize: 1 });
  try {
    const db = database.db;
    const started = performance.now();
    const json = JSON.stringify(templates.map((t) => ({ payload: t.declaration, assessment: t.assessment, risk: t.risk, channel: t.channel, state: t.state, total: t.totalDue, checks: t.documentChecks })));
    await sql`create temporary table template as
      select (i - 1)::int as i, v -> 'payload' as payload, v -> 'assessment' as assessment, v -> 'risk' as risk, v ->> 'channel' as channel,
             v ->> 'state' as state, (v ->> 'total')::bigint as total, v -> 'checks' as checks
        from jsonb_array_elements(${json}::jsonb) with ordinality as t(v, i)`.execute(db);
    const { rows: [known] } = await sql<{ count: number }>`select count(*)::int as count from customs_declarations`.execute(db);
    const count = Math.max(0, rows - (known?.count ?? 0));
    // The numbers are taken from the sequence before the insert, past a margin: lodgements the
    // platform still finishes on PostgreSQL take theirs meanwhile, below the margin or above the range.
    const { rows: [range] } = await sql<{ base: number }>`select (setval('customs_declaration_number', nextval('customs_declaration_number') + ${1000 + count}::bigint) - ${count}::bigint)::int as base`.execute(db);
    const base = range?.base ?? 0;
    await sql`
      insert into customs_declarations (reference, local_reference, declarant_tax_id, importer_tax_id, exporter_tax_id, regime, office_code, state, declared_on,
                                        payload, assessment, total_due, currency, channel, risk, document_checks, created_at, updated_at, lodged_at, released_at)
      select t.payload ->> 'officeCode' || '-' || to_char(n.day, 'YYYY') || '-' || lpad(n.number::text, greatest(6, length(n.number::text)), '0'), 'H-' || n.g, n.declarant, n.importer,
             t.payload #>> '{exporter,taxId}', 'import_home_use', t.payload ->> 'officeCode', case when n.released then 'released' else t.state end, n.day,
             t.payload, t.assessment, t.total, 'XOF', t.channel, t.risk, t.checks, n.at, n.at, n.at, case when n.released then n.at + interval '3 days' end
        from (select g, ${base}::bigint + g as number, current_date - (g % ${STORE_DAYS})::int as day, current_date - (g % ${STORE_DAYS})::int + time '08:00' + (g % 36000) * interval '1 second' as at,
                     g % ${STORE_DAYS} > 14 as released,
                     case when g % ${STORE_IMPORTERS} = 0 then ${importerTaxId(0)} else 'KD-' || (2000 + (g % ${STORE_IMPORTERS}) % 25) || '-' || (100000 + g % ${STORE_IMPORTERS}) end as importer,
                     case when g % ${STORE_BROKERS} = 0 then ${BROKER.taxId} else 'KD-2010-' || lpad((g % ${STORE_BROKERS})::text, 6, '0') end as declarant
                from generate_series(1, ${count}::int) g) n
        join template t on t.i = n.g % ${templates.length}`.execute(db);
    // As a store that has lived: vacuumed and analysed, its pages written out, so neither an
    // autovacuum of the new rows nor the fill's checkpoint lands in the middle of the reads.
    await sql`vacuum analyze customs_declarations`.execute(db);
    await sql`checkpoint`.execute(db);
    const seconds = (performance.now() - started) / 1000;
    const percent = Math.min(100, (100 * 40_000) / rows);
    const sample = await sql<{ reference: string }>`select reference from customs_declarations tablesample bernoulli (${sql.lit(percent)}) where local_reference like 'H-%' order by random()`.execute(db);
    const { rows: [size] } = await sql<{ mb: number }>`select (pg_total_relation_size('customs_declarations') / 1048576)::int as mb`.execute(db);
    return { seconds, sample: sample.rows.map((r) => r.reference), tableMb: size?.mb ?? 0 };
  } finally {
    await database.close();
  }
}

type Fill = Awaited<ReturnType<typeof fillStore>>;

/** The platform on a fresh store, then on the same store filled to STORE_ROWS declarations. */
interface Stores {
  engine: BenchPlatform['engine'];
  fresh<T>(body: (base: string) => Promise<T>): Promise<T>;
  filled<T>(templates: DeclarationDetail[], body: (base: string, fill: Fill) => Promise<T>): Promise<T>;
  /** Raw INSERT transactions on the same engine (bench/raw-insert.ts). */
  rawInsertRate(connections: number): Promise<number>;
}

/** PostgreSQL: the platform keeps running on its schema while the table is filled beside it. */
const onPostgres = <T>(body: (stores: Stores) => Promise<T>) =>
  withPlatform((platform) =>
    body({
      engine: platform.engine,
      fresh: (run) => run(platform.base),
      filled: async (templates, run) => run(platform.base, await fillStore({ databaseUrl: platform.databaseUrl, schema: platform.schema }, templates, STORE_ROWS)),
      rawInsertRate: (connections) => rawInsertRate(platform.databaseUrl, platform.schema, connections),
    }),
  );

/**
 * PGlite serves one process at a time, so the platform is stopped while the store is filled and
 * started again on it: a store migrated and seeded by `guichet seed`, served by `guichet start`.
 */
async function onPglite<T>(body: (stores: Stores) => Promise<T>): Promise<T> {
  const cli = path.resolve(import.meta.dirname, '../src/cli.ts');
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-bench-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', AUTH_ATTEMPTS_PER_MINUTE: '1000' };
  const serve = async <R>(run: (base: string) => Promise<R>) => {
    const port = await freePort();
    const child = await startProcess(process.execPath, [cli, 'start'], { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/readyz`);
    try {
      return await run(`http://127.0.0.1:${port}`);
    } finally {
      await stopProcess(child);
    }
  };
  try {
    await promisify(execFile)(process.execPath, [cli, 'seed'], { env: { ...process.env, ...env } });
    return await body({
      engine: 'pglite',
      fresh: serve,
      filled: async (templates, run) => {
        const fill = await fillStore({ pgliteDir: path.join(dataDir, 'pg') }, templates, STORE_ROWS);
        return serve((base) => run(base, fill));
      },
      rawInsertRate: (connections) => rawInsertRate(undefined, '', connections, path.join(dataDir, 'raw-pg')),
    });
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const failures = (...results: LoadResult[]) => results.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
const line = (label: string, r: LoadResult | RateResult) =>
  `${label.padEnd(34)} ${round(r.rps)}/s  p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}${'sent' in r ? `  (sent ${r.sent} of ${r.offered} offered)` : ''}`;

/** Seconds each phase took, printed with the results: the run must stay short with BENCH_QUICK=1. */
const phases: Record<string, number> = {};
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases[name] = round((performance.now() - started) / 1000);
  }
}

const startedAt = performance.now();
await (process.env.DATABASE_URL ? onPostgres : onPglite)(async (stores) => {
  const { engine } = stores;
  const loadAtStart = os.loadavg()[0] ?? 0;
  const fresh = await stores.fresh(async (base) => {
    phases.start = round((performance.now() - startedAt) / 1000);
    const broker = await signIn(base, 'ousmane.diop@demo.guichet.test');
    const templates = await timed('warm_up', () => warmUp(base, broker, QUICK ? 40 : 300));
    const flatOut = await timed('flat_out', () => lodgeFlatOut(base, broker, SECONDS));
    const steady = await timed('steady', () => lodgeAtRate(base, broker, SHORT_SECONDS));
    return { templates, flatOut, steady };
  });
  const { templates, flatOut, steady } = fresh;
  const channels = templates.reduce<Record<string, number>>((mix, t) => ({ ...mix, [t.channel ?? 'none']: (mix[t.channel ?? 'none'] ?? 0) + 1 }), {});

  const { fill, fetchedAtRate, fetchedFlatOut, lodgeOnStore } = await timed('store', () =>
    stores.filled(templates, async (base, fill) => {
      const officer = await signIn(base, 'karim.benali@demo.guichet.test');
      // Each measurement reads its own half of the sample: the other's reads would have warmed its rows.
      const half = Math.floor(fill.sample.length / 2);
      const fetchedAtRate = await fetchAtRate(base, officer, fill.sample.slice(0, half), SHORT_SECONDS);
      const fetchedFlatOut = await fetchFlatOut(base, officer, fill.sample.slice(half), QUICK ? 2 : SHORT_SECONDS);
      // Lodging again against the full store (bigger indexes, the importers' history): not worth its seconds in a quick run.
      const lodgeOnStore = QUICK ? null : await lodgeAtRate(base, await signIn(base, 'ousmane.diop@demo.guichet.test'), SHORT_SECONDS);
      return { fill, fetchedAtRate, fetchedFlatOut, lodgeOnStore };
    }),
  );
  phases.fill = round(fill.seconds);

  const raw = await timed('raw', () => stores.rawInsertRate(10));
  const rawSequential = engine === 'postgres' && !QUICK ? await timed('raw_single', () => stores.rawInsertRate(1)) : null;
  console.log(`engine ${engine}${QUICK ? ' (quick)' : ''}; ${ITEMS} cement items a declaration; warm-up channels ${JSON.stringify(channels)}`);
  console.log(line('lodged flat out', flatOut));
  console.log(line(`lodged at ${OFFERED_RATE}/s`, steady));
  console.log(`store filled to ${STORE_ROWS} declarations in ${round(fill.seconds)} s (${fill.tableMb} MB with indexes and TOAST)`);
  console.log(line(`fetched by reference at ${OFFERED_RATE}/s`, fetchedAtRate));
  console.log(line('fetched by reference flat out', fetchedFlatOut));
  if (lodgeOnStore) console.log(line(`lodged at ${OFFERED_RATE}/s on the full store`, lodgeOnStore));
  console.log(`raw insert txns                    ${round(raw)} tx/s${engine === 'postgres' ? ` (10 connections)${rawSequential ? `  ${round(rawSequential)} tx/s (1 connection)` : ''}` : " (PGlite's one connection, on disk)"}`);
  if (failures(flatOut, steady, fetchedAtRate, fetchedFlatOut, ...(lodgeOnStore ? [lodgeOnStore] : [])) > 0) throw new Error('the benchmark saw failed requests; figures are not valid');
  console.log(
    JSON.stringify({
      bench: 'lodge',
      metric: 'declarations_lodged_per_s',
      value: round(flatOut.rps),
      unit: 'declarations/s',
      p50_ms: flatOut.p50,
      p99_ms: flatOut.p99,
      baseline: `raw_${engine}_insert_tx_per_s`,
      baseline_value: round(raw),
      ratio: round(flatOut.rps / raw, 3),
      engine,
      items_per_declaration: ITEMS,
      at_300_per_s_p50_ms: steady.p50,
      at_300_per_s_p99_ms: steady.p99,
      at_300_per_s_achieved: round(steady.rps),
      at_300_per_s_sent: steady.sent,
      store_rows: STORE_ROWS,
      store_mb: fill.tableMb,
      fetch_at_300_per_s_p50_ms: fetchedAtRate.p50,
      fetch_at_300_per_s_p99_ms: fetchedAtRate.p99,
      fetch_at_300_per_s_achieved: round(fetchedAtRate.rps),
      fetch_at_300_per_s_sent: fetchedAtRate.sent,
      fetch_flat_out_per_s: round(fetchedFlatOut.rps),
      fetch_flat_out_p99_ms: fetchedFlatOut.p99,
      full_store_at_300_per_s_p99_ms: lodgeOnStore?.p99 ?? null,
      full_store_at_300_per_s_achieved: lodgeOnStore ? round(lodgeOnStore.rps) : null,
      raw_insert_single_connection_tx_per_s: rawSequential === null ? null : round(rawSequential),
      warm_up_channels: channels,
      phases_s: phases,
      load_average_1m: [round(loadAtStart), round(os.loadavg()[0] ?? 0)],
      targets: { lodged_per_s: 1000, at_300_per_s_p99_ms: 50, fetch_p99_ms: 10 },
    }),
  );
});
