#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/country.ts';
import { seedDemoCountry } from './demo/seed.ts';
import { openConfiguredDatabase, startPlatform } from './main.ts';
import { migrations } from './migrations.ts';
import { verifyAuditChain } from './platform/audit/verify.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { migrateToLatest } from './platform/db/migrate.ts';

const HELP = `guichet — national single window and e-government platform

Usage: guichet <command> [options]

Commands:
  start                 migrate, load the demo country (unless DEMO=false) and serve the platform
  migrate               apply pending database migrations
  seed                  load the demo country and accounts (idempotent)
  audit verify          recompute the audit hash chain; exit 1 naming the first altered or missing entry
  build-web [--if-stale]  build the web app into web/dist (skipped when up to date with --if-stale)

Environment:
  PORT (3000)  HOST (127.0.0.1)  DATA_DIR (./data)  DATABASE_URL (unset: embedded PGlite in DATA_DIR/pg)
  PUBLIC_URL  LOG_LEVEL (info)  DEMO (true)  STAFF_TOTP_REQUIRED (false)  GUICHET_SECRET_KEY
  SESSION_TTL_HOURS (12)  AUTH_ATTEMPTS_PER_MINUTE (20)  BODY_LIMIT_BYTES (1048576)  DEFAULT_LOCALE (fr)
  DATABASE_POOL_SIZE (10)  TRUST_PROXY_HOPS (0)  OUTBOX_RETENTION_DAYS (30)

Options:
  -h, --help            show this help
`;

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
    options: { help: { type: 'boolean', short: 'h' }, 'if-stale': { type: 'boolean' } },
  });
  const [command, sub] = positionals;
  if (values.help || !command || command === 'help') {
    console.log(HELP);
    return command || values.help ? 0 : 1;
  }
  if (command === 'build-web') return buildWeb(values['if-stale'] ?? false);
  const config = loadConfig();
  switch (command) {
    case 'start': {
      if (buildWeb(true) !== 0) console.warn('web app build failed: serving the API only');
      const platform = await startPlatform(config);
      const engine = platform.database.engine === 'pglite' ? `PGlite in ${path.join(config.dataDir, 'pg')}` : 'PostgreSQL (DATABASE_URL)';
      console.log(`\nGuichet is running at ${platform.url}  (database: ${engine})`);
      console.log(`API documentation: ${platform.url}/docs`);
      if (config.demo) {
        console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
        for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(36)} ${account.purpose}`);
      }
      const shutdown = (signal: string) => {
        platform.app.log.info({ signal }, 'shutting down');
        platform.stop().then(
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
        console.log(`migrations applied: ${result.results?.length ?? 0}`);
        if (command === 'seed') {
          const report = await seedDemoCountry(database.db);
          console.log(`demo country: ${report.agenciesCreated} agencies and ${report.accountsCreated} accounts created`);
        }
        return 0;
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
