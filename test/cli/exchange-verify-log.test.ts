import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/migrations.ts';
import { appendMessageLog } from '../../src/modules/exchange/message-log.ts';
import { openDatabase, type DatabaseOptions } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { childProcessSchema } from '../support/db.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/cli.ts');

/** The database the CLI will open: PGlite in DATA_DIR, or a fresh schema of this run on the server. */
let dataDir: string;
let options: DatabaseOptions;
let env: NodeJS.ProcessEnv;

const withDatabase = async (work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<unknown>) => {
  const handle = await openDatabase(options);
  try {
    await work(handle.db);
  } finally {
    await handle.close();
  }
};

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-exchange-log-'));
  env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  const server = await childProcessSchema();
  if (server) {
    options = { databaseUrl: process.env.DATABASE_URL, schema: server.schema, poolSize: 1 };
    env.DATABASE_URL = server.databaseUrl;
  } else {
    options = { pgliteDir: path.join(dataDir, 'pg') };
  }
  await withDatabase(async (db) => {
    await migrateToLatest(db, migrations);
    for (let n = 1; n <= 4; n += 1) {
      await db.transaction().execute((trx) =>
        appendMessageLog(trx, {
          messageId: `msg-${n}`,
          direction: 'in',
          kind: 'request',
          peer: 'KD/GOV/CUSTOMS/clearance',
          service: 'KD/GOV/COMMERCE/licences/check-licence/v1',
          signature: `sig-${n}`,
          bodyDigest: 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
          status: 'accepted',
        }),
      );
    }
  });
}, 60_000);

afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const verifyLog = () => spawnSync(process.execPath, [CLI, 'exchange', 'verify-log'], { env, encoding: 'utf8', timeout: 60_000 });

describe('guichet exchange verify-log', () => {
  it('reports an intact log', () => {
    const run = verifyLog();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/exchange message log intact: 4 entries, head #4 [0-9a-f]{64}/);
  });

  it('exits 1 naming the entry that was altered', async () => {
    await withDatabase((db) => sql`update exchange_message_log set peer = 'KD/GOV/TAX/returns' where seq = 2`.execute(db));
    const run = verifyLog();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('message log entry #2 altered');
  });
});
