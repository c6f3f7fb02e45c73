import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { seedDemoCountry } from '../src/demo/seed.ts';
import { migrations } from '../src/migrations.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

/**
 * A migrated database with the demo country, in this process: a fresh schema on the PostgreSQL
 * server of DATABASE_URL (dropped by `drop`), else PGlite on disk under `dir`, as the platform
 * keeps it.
 */
export async function benchDatabase(dir: string): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = `bench_archive_${Date.now().toString(36)}`;
  const database = await openDatabase({ databaseUrl, schema: databaseUrl ? schema : undefined, poolSize: 10, pgliteDir: databaseUrl ? undefined : path.join(dir, 'pg') });
  await migrateToLatest(database.db, migrations);
  await seedDemoCountry(database.db);
  return {
    ...database,
    async drop() {
      await database.close();
      if (databaseUrl) {
        const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
        await pool.query(`drop schema if exists ${schema} cascade`).finally(() => pool.end());
      } else await fs.rm(path.join(dir, 'pg'), { recursive: true, force: true });
    },
  };
}
