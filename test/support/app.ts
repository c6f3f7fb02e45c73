import { randomBytes } from 'node:crypto';
import { buildApp } from '../../src/app.ts';
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
  database: DatabaseHandle;
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
  const config = loadConfig({ LOG_LEVEL: 'silent', AUTH_ATTEMPTS_PER_MINUTE: '10000', PORT: '0', ...env });
  const app = await buildApp({ config, database, box: secretBox(randomBytes(32)) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
