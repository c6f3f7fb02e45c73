import path from 'node:path';
import { buildApp, type Topics } from './app.ts';
import { DEMO_COUNTRY } from './demo/country.ts';
import { seedDemoCustoms } from './demo/customs-seed.ts';
import { seedDemoCountry } from './demo/seed.ts';
import { seedDemoPassengers } from './demo/passengers-seed.ts';
import { exchangeConfig } from './modules/exchange/index.ts';
import { ensureReferenceData } from './modules/customs/index.ts';
import { ensurePermitServices } from './modules/permits/index.ts';
import { systemContext } from './platform/audit/record.ts';
import { publishShippedDefinitions, readShippedDefinitions } from './modules/catalogue/index.ts';
import type { EventBus } from './platform/events/index.ts';
import { migrations } from './migrations.ts';
import type { Config } from './platform/config.ts';
import { loadServerKey, secretBox } from './platform/crypto/secret-box.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import type { App } from './platform/http/server.ts';

/** Opens the configured engine: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR/pg. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pg') });
}

export interface RunningPlatform {
  app: App;
  url: string;
  database: DatabaseHandle;
  bus: EventBus<Topics>;
  stop(): Promise<void>;
}

/**
 * Composition root: config → database (migrated, demo seeded) → platform services → HTTP server.
 * `env` is where modules read their own settings (the CLI adds the demo simulator's address).
 */
export async function startPlatform(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<RunningPlatform> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(database.db, migrations);
    await ensureReferenceData(database.db);
    if (config.demo) {
      await seedDemoCountry(database.db, { instance: exchangeConfig(env, DEMO_COUNTRY.code).instance });
      await seedDemoCustoms(database.db);
      await publishShippedDefinitions(database.db, await readShippedDefinitions());
    }
    // The permit registers' exchange services, on whichever agencies are members (idempotent, audited).
    await ensurePermitServices(database.db, systemContext('platform'), DEMO_COUNTRY.code);
    const box = secretBox(await loadServerKey(process.env, config.dataDir));
    const { app, bus, exchange, documents, customs } = await buildApp({ config, database, box, env });
    // Vehicle passes are signed documents: seeded once the platform that signs them is built.
    if (config.demo) await seedDemoPassengers(database.db, { documents, reference: customs.reference });
    bus.start(database.db);
    await exchange.start();
    const address = await app.listen({ port: config.port, host: config.host });
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Fastify stops accepting, answers 503 to new requests and waits for in-flight ones;
        // then the bus finishes the handlers it is running; then the database closes.
        await app.close();
        await exchange.stop();
        await bus.stop();
        await database.close();
      })());
    return { app, url: address, database, bus, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}
