#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS, DEMO_COUNTRY, DEMO_PASSWORD } from './demo/country.ts';
import { simulatorPort, startSimulatorProcess, type SimulatorProcess } from './demo/mobile-money-simulator/process.ts';
import { seedDemoCountry } from './demo/seed.ts';
import { startMinistryProcess, type MinistryProcess } from './demo/ministry-system/process.ts';
import { ensureMinistrySystem } from './demo/ministry-system/registration.ts';
import { systemContext } from './platform/audit/record.ts';
import type { Db } from './platform/db/database.ts';
import { openConfiguredDatabase, startPlatform } from './main.ts';
import { migrations } from './migrations.ts';
import { verifyAuditChain } from './platform/audit/verify.ts';
import { verifyLogCommand } from './modules/exchange/log-command.ts';
import { exchangeConfig } from './modules/exchange/config.ts';
import { verifyCommand } from './modules/documents/verify-command.ts';
import { seedDemoCustoms } from './demo/customs-seed.ts';
import { ensureReferenceData, tariffImportCommand } from './modules/customs/reference/index.ts';
import { loadServerKey, secretBox } from './platform/crypto/secret-box.ts';
import { rotateKeysCommand } from './platform/crypto/signing-keys-command.ts';
import { ConfigError, integer, loadConfig, type Config } from './platform/config.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { buildApp, type Platform } from './app.ts';
import { legacyImportCommand } from './modules/legacy/index.ts';
import { validateBagCommand } from './platform/bagit/index.ts';
import { archiveAuditCommand, archiveExportCommand, archiveImportCommand, archiveRoots, interchangeUsage } from './modules/archive/index.ts';
import { ensureClassificationScheme, loadClassificationScheme } from './modules/archive/retention/index.ts';
import { archiveIngestCommand, prepareArchiveIngest, scannedIngestConfig } from './modules/archive/scanned-ingest/index.ts';

const HELP = `guichet — national single window and e-government platform

Usage: guichet <command> [options]

Commands:
  start                 migrate, load the demo country (unless DEMO=false) and serve the platform
  migrate               apply pending database migrations
  seed                  load the demo country and accounts (idempotent)
  audit verify          recompute the audit hash chain; exit 1 naming the first altered or missing entry
  exchange verify-log   recompute the exchange message log's hash chain; exit 1 naming the first altered or missing entry
  verify FILE|PAYLOAD --keys jwks.json | --keys-url URL [--at YYYY-MM-DD] [--json]
                        verify an issued document (PDF, or its QR payload) offline, with only the
                        published keys (/.well-known/jwks.json); exit 0 valid, 1 expired or forged
  keys rotate AGENCY    retire the agency's document-signing key and create the next one
  tariff import FILE [--valid-from YYYY-MM-DD] [--label TEXT]
                        check a national tariff file, then load it as a new version in force from
                        that day (the previous version ends the day before); see docs/customs/reference-data.md
  legacy import FILE [--format csv|cusdec]
                        import the old customs system's declarations (CSV export or CUSDEC
                        interchange) read-only; see docs/customs/legacy-coexistence.md
  archive validate DIR  check any BagIt bag (1.0 or 0.97: RFC 8493) without a database; exit 1 naming
                        each problem and its file; see docs/archive/bagit.md
  archive audit         re-hash every archived file in the primary and replica roots, repair a bad copy
                        from the good one; exit 1 when a file is lost (docs/archive/storage.md)
  archive ingest --title TEXT --class CLASS --date YYYY[-MM[-DD]][/YYYY…] [--access LEVEL]
                 [--languages fra,ara,eng] [--creator AGENCY] [--subject TEXT] FILE|DIR...
                        ingest scanned paper records (PDF, TIFF, JPEG, PNG) as one batch: each file
                        identified by its signature, read by OCR and stored as a package; exit 1 when a
                        file is refused (docs/archive/scanned-records.md)
  archive export ID DIR write archived package ID as a BagIt 1.0 bag at DIR (payload checked against its
                        recorded digests, PREMIS history, Dublin Core); see docs/archive/bagit.md
  archive import DIR [--agency CODE] [--class CLASS] [--access LEVEL]
                        validate a bag from another system and archive it (agency ARCHIVES by default);
                        exit 1 naming each problem, nothing archived; the same bag again is not archived twice
  build-web [--if-stale]  build the web app into web/dist (skipped when up to date with --if-stale)

Environment:
  PORT (3000)  HOST (127.0.0.1)  DATA_DIR (./data)  DATABASE_URL (unset: embedded PGlite in DATA_DIR/pg)
  PUBLIC_URL  LOG_LEVEL (info)  DEMO (true)  STAFF_TOTP_REQUIRED (false)  GUICHET_SECRET_KEY
  SESSION_TTL_HOURS (12)  AUTH_ATTEMPTS_PER_MINUTE (20)  BODY_LIMIT_BYTES (1048576)  DEFAULT_LOCALE (fr)
  DATABASE_POOL_SIZE (10)  TRUST_PROXY_HOPS (0)  OUTBOX_RETENTION_DAYS (30)  EVENT_LEASE_SECONDS (300)
  MOBILE_MONEY_URL  MOBILE_MONEY_SECRET  (the operator; unset with DEMO: \`start\` runs the simulator)
  SIMULATOR_PORT (3100)  MOBILE_MONEY_TIMEOUT_MS (10000)  MOBILE_MONEY_STATUS_AFTER_SECONDS (60)
  EXCHANGE_INSTANCE (KD)  NATS_URL (unset: asynchronous messages over HTTP)  EXCHANGE_REPLAY_WINDOW_SECONDS (300)
  EXCHANGE_TIMEOUT_MS (10000)  EXCHANGE_MAX_ATTEMPTS (15)  EXCHANGE_RETRY_BASE_MS (1000)  EXCHANGE_RETRY_CAP_MS (3600000)
  EXCHANGE_REGISTRY_CACHE_MS (1000)
  ARCHIVE_PRIMARY_DIR (DATA_DIR/archive/primary)  ARCHIVE_REPLICA_DIR (DATA_DIR/archive/replica)
  ARCHIVE_PRIMARY_URL / ARCHIVE_REPLICA_URL (s3://bucket/prefix: that root in an S3-compatible bucket instead)
  ARCHIVE_S3_ENDPOINT (unset: AWS)  ARCHIVE_S3_REGION (AWS_REGION, us-east-1)  AWS_ACCESS_KEY_ID  AWS_SECRET_ACCESS_KEY
  EXCHANGE_INBOX_RETENTION_DAYS (30)  EXCHANGE_REPLY_TIMEOUT_SECONDS (120)  MINISTRY_PORT (3200: the demo's Ministry of Agriculture register)

Options:
  -h, --help            show this help
`;

/**
 * The demo's mobile-money operator, in a process of its own (docs/payments.md). A demo without it
 * still runs: mobile money is then simply unavailable.
 */
async function startDemoOperator(publicUrl: string): Promise<SimulatorProcess | null> {
  const port = simulatorPort(process.env);
  try {
    return await startSimulatorProcess({
      port,
      callbackUrl: `${publicUrl.replace(/\/$/, '')}/api/payments/callbacks/mobile-money`,
      secret: process.env.MOBILE_MONEY_SECRET,
    });
  } catch (error) {
    console.warn(`mobile-money simulator not started (${error instanceof Error ? error.message : String(error)}): payment by mobile money is off`);
    return null;
  }
}

/**
 * The demo's outside member: the Ministry of Agriculture's own certificate register, a process of
 * its own with its own key (docs/exchange.md "An outside member"), registered once it is up.
 */
async function startDemoMinistry(dataDir: string, guichetUrl: string, db: Db): Promise<MinistryProcess | null> {
  const dir = path.join(dataDir, 'ministry-agriculture');
  let ministry: MinistryProcess | undefined;
  try {
    ministry = await startMinistryProcess({ guichetUrl, dataDir: dir, keyFile: path.join(dir, 'phytosanitary.key.pem'), port: integer(process.env, 'MINISTRY_PORT', 3200, 0, 65535) });
    await ensureMinistrySystem(db, systemContext('demo seed'), { publicJwk: ministry.publicJwk, endpoint: ministry.url });
    return ministry;
  } catch (error) {
    console.warn(`ministry register not started (${error instanceof Error ? error.message : String(error)})`);
    await ministry?.stop();
    return null;
  }
}

/**
 * The whole platform over the configured database (migrated), not served, for a command that acts
 * through the modules' own services; closed, with the database, once `work` is done.
 */
async function withPlatform<T>(config: Config, work: (platform: Platform) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(database.db, migrations);
    await ensureReferenceData(database.db);
    const platform = await buildApp({ config, database, box: secretBox(await loadServerKey(process.env, config.dataDir)) });
    try {
      return await work(platform);
    } finally {
      await platform.app.close();
    }
  } finally {
    await database.close();
  }
}

/** `start` serves until a signal arrives; every other command exits with its code. */
const KEEP_RUNNING = -1;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

function buildWeb(ifStale: boolean): number {
  const web = path.join(ROOT, 'web');
  if (!fs.existsSync(path.join(web, 'vite.config.ts'))) {
    console.log('build-web: no web app in this checkout, nothing to build');
    return 0;
  }
  const built = newestMtime(path.join(web, 'dist', 'index.html'));
  const sources = Math.max(newestMtime(path.join(web, 'src')), newestMtime(path.join(web, 'index.html')), newestMtime(path.join(web, 'vite.config.ts')));
  if (ifStale && built > sources) {
    console.log('build-web: web/dist is up to date');
    return 0;
  }
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: ROOT,
    // Under a test runner NODE_ENV=test would make Vite ship React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return result.status ?? 1;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'if-stale': { type: 'boolean' },
      keys: { type: 'string' },
      'keys-url': { type: 'string' },
      at: { type: 'string' },
      json: { type: 'boolean' },
      'valid-from': { type: 'string' },
      label: { type: 'string' },
      format: { type: 'string' },
      title: { type: 'string' },
      'title-ar': { type: 'string' },
      'title-en': { type: 'string' },
      class: { type: 'string' },
      access: { type: 'string' },
      languages: { type: 'string' },
      creator: { type: 'string' },
      subject: { type: 'string' },
      date: { type: 'string' },
      agency: { type: 'string' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command || command === 'help') {
    console.log(HELP);
    return command || values.help ? 0 : 1;
  }
  if (command === 'build-web') return buildWeb(values['if-stale'] ?? false);
  // Offline: no configuration, no database, only the published keys.
  if (command === 'verify') return verifyCommand(sub, { keys: values.keys, keysUrl: values['keys-url'], at: values.at, json: values.json });
  const config = loadConfig();
  switch (command) {
    case 'start': {
      if (buildWeb(true) !== 0) console.warn('web app build failed: serving the API only');
      const simulator = config.demo && !process.env.MOBILE_MONEY_URL ? await startDemoOperator(config.publicUrl) : null;
      const platform = await startPlatform(config, { ...process.env, ...simulator?.env });
      // The register is a member of the demo country's exchange (KD/…): another instance code has no such ministry.
      const ministry = config.demo && exchangeConfig(process.env, DEMO_COUNTRY.code).instance === DEMO_COUNTRY.code ? await startDemoMinistry(config.dataDir, platform.url, platform.database.db) : null;
      const engine = platform.database.engine === 'pglite' ? `PGlite in ${path.join(config.dataDir, 'pg')}` : 'PostgreSQL (DATABASE_URL)';
      console.log(`\nGuichet is running at ${platform.url}  (database: ${engine})`);
      console.log(`API documentation: ${platform.url}/docs`);
      if (config.demo) {
        console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
        for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(36)} ${account.purpose}`);
      }
      if (simulator) console.log(`\nMobile-money simulator: ${simulator.url}/phone/<number> shows a payer's phone (numbers ending 0001 to 0005 misbehave, see docs/payments.md)`);
      if (ministry) console.log(`Ministry of Agriculture register (exchange member KD/GOV/AGRICULTURE/phytosanitary): ${ministry.url}`);
      const shutdown = (signal: string) => {
        platform.app.log.info({ signal }, 'shutting down');
        Promise.all([platform.stop(), simulator?.stop(), ministry?.stop()]).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return KEEP_RUNNING;
    }
    case 'migrate':
    case 'seed': {
      const database = await openConfiguredDatabase(config);
      try {
        const result = await migrateToLatest(database.db, migrations);
        await ensureReferenceData(database.db);
        console.log(`migrations applied: ${result.results?.length ?? 0}`);
        if (command === 'seed') {
          const report = await seedDemoCountry(database.db, { instance: exchangeConfig(process.env, DEMO_COUNTRY.code).instance });
          await seedDemoCustoms(database.db);
          console.log(`demo country: ${report.agenciesCreated} agencies and ${report.accountsCreated} accounts created`);
        }
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'keys': {
      const [, , agencyCode] = positionals;
      if (sub !== 'rotate') {
        console.error('usage: guichet keys rotate AGENCY_CODE');
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      try {
        await migrateToLatest(database.db, migrations);
        return await rotateKeysCommand(database.db, secretBox(await loadServerKey(process.env, config.dataDir)), agencyCode);
      } finally {
        await database.close();
      }
    }
    case 'audit': {
      if (sub !== 'verify') {
        console.error('usage: guichet audit verify');
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      try {
        const verdict = await verifyAuditChain(database.db, (checked, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\rverifying audit chain: ${checked}/${total}`);
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        if (verdict.ok) {
          console.log(`audit chain intact: ${verdict.checked} entries, head #${verdict.lastSeq} ${verdict.lastHash}`);
          return 0;
        }
        console.error(`AUDIT CHAIN BROKEN: ${verdict.problem?.message} (${verdict.checked} entries verified before it)`);
        return 1;
      } finally {
        await database.close();
      }
    }
    case 'tariff': {
      const file = positionals[2];
      if (sub !== 'import' || !file) {
        console.error('usage: guichet tariff import FILE [--valid-from YYYY-MM-DD] [--label TEXT]');
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      try {
        await migrateToLatest(database.db, migrations);
        return await tariffImportCommand(database.db, { file, validFrom: values['valid-from'], label: values.label, locale: config.defaultLocale });
      } finally {
        await database.close();
      }
    }
    case 'legacy': {
      const file = positionals[2];
      if (sub !== 'import' || !file) {
        console.error('usage: guichet legacy import FILE [--format csv|cusdec]');
        return 2;
      }
      // The whole platform, not served: the run's event reaches every subscriber the server has (the outbox records one delivery each).
      return withPlatform(config, (platform) => legacyImportCommand(platform.legacy, { file, format: values.format, locale: config.defaultLocale }));
    }
    case 'archive': {
      // `validate` reads only the bag on disk: no database is opened.
      if (sub === 'validate') return validateBagCommand(positionals[2], { locale: config.defaultLocale, progress: process.stderr });
      if (sub === 'audit') {
        const database = await openConfiguredDatabase(config);
        try {
          await migrateToLatest(database.db, migrations);
          return await archiveAuditCommand(database.db, archiveRoots(process.env, config.dataDir), config.defaultLocale);
        } finally {
          await database.close();
        }
      }
      if (sub === 'ingest') {
        // Options and files are checked first: a usage error or files all refused need no database.
        const prepared = await prepareArchiveIngest({
          paths: positionals.slice(2),
          title: values.title,
          titleAr: values['title-ar'],
          titleEn: values['title-en'],
          retentionClass: values.class,
          access: values.access,
          languages: values.languages,
          creator: values.creator,
          subject: values.subject,
          date: values.date,
          locale: config.defaultLocale,
        }, scannedIngestConfig(process.env, config.dataDir).uploadLimitBytes);
        if (typeof prepared === 'number') return prepared;
        // Ready runs the platform's start hooks (the classification scheme); its close ends the OCR workers.
        return withPlatform(config, async (platform) => {
          await platform.app.ready();
          return archiveIngestCommand(platform.scannedRecords, prepared, config.defaultLocale);
        });
      }
      if (sub === 'export' || sub === 'import') {
        const usage = interchangeUsage(sub, { positionals: positionals.slice(2), access: values.access }, config.defaultLocale);
        if (usage) {
          console.error(usage);
          return 2;
        }
        const [dir = '', target = ''] = positionals.slice(2);
        const database = await openConfiguredDatabase(config);
        try {
          await migrateToLatest(database.db, migrations);
          const deps = { db: database.db, roots: archiveRoots(process.env, config.dataDir), country: DEMO_COUNTRY.code };
          if (sub === 'export') return await archiveExportCommand(deps, dir, target, config.defaultLocale);
          // The classes an import may be filed under, as `start` brings them in.
          await ensureClassificationScheme(database.db, loadClassificationScheme());
          return await archiveImportCommand(deps, { dir, agency: values.agency, retentionClass: values.class, access: values.access, locale: config.defaultLocale });
        } finally {
          await database.close();
        }
      }
      console.error('usage: guichet archive audit | guichet archive validate DIR | guichet archive ingest [options] FILE|DIR... | guichet archive export ID DIR | guichet archive import DIR [options]');
      return 2;
    }
    case 'exchange': {
      if (sub !== 'verify-log') {
        console.error('usage: guichet exchange verify-log');
        return 2;
      }
      const database = await openConfiguredDatabase(config);
      try {
        return await verifyLogCommand(database.db);
      } finally {
        await database.close();
      }
    }
    default:
      console.error(`unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== KEEP_RUNNING) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
    process.exit(1);
  },
);
