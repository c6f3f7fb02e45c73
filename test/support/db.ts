import { randomBytes } from 'node:crypto';
import pg from 'pg';
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
  const schema = url ? newSchemaName() : undefined;
  const handle = await openDatabase({ databaseUrl: url, schema, poolSize: 5 });
  await migrateToLatest(handle.db, migrations);
  return handle;
}

const newSchemaName = () => `${inject('testSchemaPrefix')}${randomBytes(4).toString('hex')}`;

/**
 * For a test that runs the `guichet` command in a child process on the PostgreSQL server: a new,
 * empty schema of this run (dropped when the run ends, with the others) and a DATABASE_URL that
 * puts the child in it. Undefined without DATABASE_URL: the child then uses PGlite in its DATA_DIR.
 */
export async function childProcessSchema(): Promise<{ schema: string; databaseUrl: string } | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const schema = newSchemaName();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(`create schema "${schema}"`);
  } finally {
    await pool.end();
  }
  const childUrl = new URL(url);
  childUrl.searchParams.set('options', `-c search_path=${schema}`);
  return { schema, databaseUrl: childUrl.toString() };
}
