import { randomBytes } from 'node:crypto';
import { migrations } from '../../src/migrations.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a fresh schema on
 * the PostgreSQL server named by DATABASE_URL (dropped again by `close`).
 */
export async function openTestDatabase(url = process.env.DATABASE_URL): Promise<DatabaseHandle> {
  const schema = url ? `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}` : undefined;
  const handle = await openDatabase({ databaseUrl: url, schema, poolSize: 5 });
  await migrateToLatest(handle.db, migrations);
  if (!schema) return handle;
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = await openDatabase({ databaseUrl: url, poolSize: 1 });
      await cleanup.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await cleanup.close();
    },
  };
}
