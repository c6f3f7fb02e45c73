import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../../database.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** Resolves when the database answers a trivial query; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a server; absent for embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent means in memory (tests). */
  pgliteDir?: string | undefined;
  /** PostgreSQL schema to work in (tests use one fresh schema per run). */
  schema?: string | undefined;
  poolSize?: number;
}

// Both engines hand back the same JS types: bigint columns as numbers (ids and counters stay far
// below 2^53), numeric as exact strings, timestamps as Date, json as objects.
const INT8 = 20;
const parseInt8 = (value: string) => Number(value);
/** A calendar day stays the text `YYYY-MM-DD`: a Date would be midnight in the server's time zone, a different day elsewhere. */
const DATE = 1082;
const keepDay = (value: string) => value;

const pingOf = (db: Db) => async () => {
  await sql`select 1`.execute(db);
};

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openServer(options.databaseUrl, options) : openEmbedded(options);
}

async function openEmbedded(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.pgliteDir) await fs.mkdir(path.dirname(options.pgliteDir), { recursive: true });
  const pglite = await PGlite.create(options.pgliteDir ?? 'memory://', {
    parsers: { [INT8]: parseInt8, [DATE]: keepDay },
  });
  if (options.schema) await pglite.exec(`create schema if not exists "${options.schema}"; set search_path to "${options.schema}"`);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    ping: pingOf(db),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openServer(databaseUrl: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? parseInt8 : oid === DATE ? keepDay : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process: the pool drops it and the next
  // query reconnects (or fails with 503 until the database is back).
  pool.on('error', () => {});
  if (schema) {
    const client = await pool.connect();
    try {
      await client.query(`create schema if not exists "${schema}"`);
    } finally {
      client.release();
    }
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return {
    db,
    engine: 'postgres',
    ping: pingOf(db),
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * Runs every parameterised query as a named prepared statement, named by a hash of its text, so
 * PostgreSQL plans each query shape once per connection instead of on every call (planning was
 * the larger part of a session lookup's cost). Query shapes are finite: they come from code.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      return {
        query: ((text: unknown, values?: unknown[]) =>
          typeof text === 'string' && values && values.length > 0
            ? client.query({ name: `q_${createHash('sha1').update(text).digest('base64url')}`, text, values })
            : client.query(text as string, values)) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
    options: pool.options,
  };
}

/** PostgreSQL error classes and socket errors that mean "the database is not reachable right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') {
    const message = error instanceof Error ? error.message : '';
    return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
  }
  return (
    code.startsWith('08') || // connection exception
    code === '57P01' || code === '57P02' || code === '57P03' || // admin shutdown, crash shutdown, cannot connect now
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH'].includes(code)
  );
}
