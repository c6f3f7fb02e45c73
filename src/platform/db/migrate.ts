import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import type { Db } from './database.ts';

export type Migrations = Record<string, Migration>;

/**
 * Applies every pending migration in name order. Kysely's migrator takes a PostgreSQL advisory lock,
 * so several processes starting together against one server migrate once.
 */
export async function migrateToLatest(db: Db, migrations: Migrations): Promise<MigrationResultSet> {
  // Kysely looks for its bookkeeping tables in every schema; name ours, so a database holding
  // several Guichet schemas (tests, benchmarks, tenants) migrates each one on its own.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: rows[0]?.schema,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${String((result.error as Error).message ?? result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}
