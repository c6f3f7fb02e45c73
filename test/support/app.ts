import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type Platform } from '../../src/app.ts';
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
  database: DatabaseHandle;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real platform on a real port: a fresh database (PGlite in memory, or a fresh schema on the
 * server named by DATABASE_URL), migrated and seeded with the demo country, serving web/dist.
 */
export async function startTestApp(env: Record<string, string> = {}, databaseUrl?: string): Promise<TestApp> {
  const database = await openTestDatabase(databaseUrl);
  await seedDemoCountry(database.db);
  await publishShippedDefinitions(database.db, await readShippedDefinitions());
  const dataDir = env.DATA_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-test-')));
  const settings = { LOG_LEVEL: 'silent', AUTH_ATTEMPTS_PER_MINUTE: '10000', PORT: '0', DATA_DIR: dataDir, ...env };
  const { app, bus, cases } = await buildApp({ config: loadConfig(settings), database, box: secretBox(randomBytes(32)), env: settings });
  bus.start(database.db);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    bus,
    cases,
    database,
    dataDir,
    close: async () => {
      await app.close();
      await bus.stop();
      await database.close();
      if (!env.DATA_DIR) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
