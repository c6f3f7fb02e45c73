import pg from 'pg';
import type { TestProject } from 'vitest/node';
// The ProvidedContext entry this fills is declared where it is read.
import type {} from './db.ts';

/**
 * On a PostgreSQL server, every test file works in its own schema named after this run. They are
 * dropped here, once every file has finished, rather than by each file as it ends: Kysely's
 * migrator lists the tables of every schema, and a schema dropped by one file while another file
 * migrates made that listing fail ("schema … does not exist").
 */
export default function setup(project: TestProject) {
  const prefix = `t_${Date.now().toString(36)}_`;
  project.provide('testSchemaPrefix', prefix);
  return async () => {
    const url = process.env.DATABASE_URL;
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('select nspname as name from pg_namespace where starts_with(nspname, $1)', [prefix]);
      for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
    } finally {
      await client.end();
    }
  };
}
