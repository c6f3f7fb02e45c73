import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { migrations } from '../../src/migrations.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run's schemas on a PostgreSQL server (schemas.global.ts provides it and drops them). */
    testSchemaPrefix: string;
  }
}

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a fresh schema on
 * the PostgreSQL server named by DATABASE_URL (dropped when the whole run ends: schemas.global.ts).
 */
export async function openTestDatabase(url = process.env.DATABASE_URL): Promise<DatabaseHandle> {
  const schema = url ? `${inject('testSchemaPrefix')}${randomBytes(4).toString('hex')}` : undefined;
  const handle = await openDatabase({ databaseUrl: url, schema, poolSize: 5 });
  await migrateToLatest(handle.db, migrations);
  return handle;
}
