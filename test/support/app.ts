import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type Platform } from '../../src/app.ts';
import { startSimulator, type MobileMoneySimulator } from '../../src/demo/mobile-money-simulator/server.ts';
import { seedDemoCountry } from '../../src/demo/seed.ts';
import { publishShippedDefinitions, readShippedDefinitions } from '../../src/modules/catalogue/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { secretBox } from '../../src/platform/crypto/secret-box.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import type { App } from '../../src/platform/http/server.ts';
import { openTestDatabase } from './db.ts';

export interface TestApp {
  url: string;
  app: App;
  bus: Platform['bus'];
  cases: Platform['cases'];
  payments: Platform['payments'];
  documents: Platform['documents'];
  exchange: Platform['exchange'];
  customs: Platform['customs'];
  archive: Platform['archive'];
  scannedRecords: Platform['scannedRecords'];
  /** The mobile-money operator the platform talks to (MOBILE_MONEY_URL), on its own port. */
  simulator: MobileMoneySimulator;
  database: DatabaseHandle;
  dataDir: string;
  close(): Promise<void>;
}

/** Shared by the platform and its test operator (MOBILE_MONEY_SECRET). */
export const TEST_MOBILE_MONEY_SECRET = 'test-operator-shared-secret';

/**
 * The real platform on a real port: a fresh database (PGlite in memory, or a fresh schema on the
 * server named by DATABASE_URL), migrated and seeded with the demo country, serving web/dist, with
 * the mobile-money simulator on a port of its own.
 */
export async function startTestApp(env: Record<string, string> = {}, databaseUrl?: string): Promise<TestApp> {
  const database = await openTestDatabase(databaseUrl);
  await seedDemoCountry(database.db, { instance: env.EXCHANGE_INSTANCE });
  await publishShippedDefinitions(database.db, await readShippedDefinitions());
  const dataDir = env.DATA_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-test-')));
  // The operator answers a slow number (…0005) after the platform's 2 s timeout, and replays (…0004) quickly.
  const simulator = await startSimulator({ secret: TEST_MOBILE_MONEY_SECRET, slowAnswerMs: 4000, replayDelayMs: 300 });
  const settings = {
    LOG_LEVEL: 'silent',
    AUTH_ATTEMPTS_PER_MINUTE: '10000',
    PORT: '0',
    DATA_DIR: dataDir,
    MOBILE_MONEY_URL: simulator.url,
    MOBILE_MONEY_SECRET: TEST_MOBILE_MONEY_SECRET,
    MOBILE_MONEY_TIMEOUT_MS: '2000',
    ...env,
  };
  const { app, bus, cases, payments, documents, exchange, customs, archive, scannedRecords } = await buildApp({ config: loadConfig(settings), database, box: secretBox(randomBytes(32)), env: settings });
  bus.start(database.db);
  await exchange.start();
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  simulator.setCallbackUrl(`${url}/api/payments/callbacks/mobile-money`);
  return {
    url,
    app,
    bus,
    cases,
    payments,
    documents,
    exchange,
    customs,
    archive,
    scannedRecords,
    simulator,
    database,
    dataDir,
    close: async () => {
      await simulator.close();
      await app.close();
      await exchange.stop();
      await bus.stop();
      await database.close();
      if (!env.DATA_DIR) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
