import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { QUICK } from './harness.ts';

/**
 * Baseline: single-row INSERT transactions (BEGIN; INSERT; COMMIT) straight through the driver for a
 * fixed time, over `connections` concurrent connections (PostgreSQL; PGlite has one, in `pgliteDir`
 * so it writes to disk as the platform's does). Returns tx/s.
 */
export async function rawInsertRate(databaseUrl: string | undefined, schema: string, connections = 10, pgliteDir = 'memory://'): Promise<number> {
  const seconds = QUICK ? 4 : 15;
  const payload = JSON.stringify({ who: 'bench', what: 'x'.repeat(200) });
  if (!databaseUrl) {
    const db = await PGlite.create(pgliteDir);
    await db.exec('create table bench_raw (id bigserial primary key, at timestamptz default now(), payload jsonb)');
    let count = 0;
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      await db.transaction(async (tx) => {
        await tx.query('insert into bench_raw (payload) values ($1::jsonb)', [payload]);
      });
      count++;
    }
    await db.close();
    return count / seconds;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections, options: `-c search_path=${schema}` });
  await pool.query('create table if not exists bench_raw (id bigserial primary key, at timestamptz default now(), payload jsonb)');
  let count = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < end) {
          await client.query('begin');
          await client.query('insert into bench_raw (payload) values ($1::jsonb)', [payload]);
          await client.query('commit');
          count++;
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.query('drop table bench_raw');
  await pool.end();
  return count / seconds;
}
