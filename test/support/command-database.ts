import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseOptions } from '../../src/platform/db/database.ts';
import { childProcessSchema } from './db.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/cli.ts');

/** Where `guichet` commands run as child processes keep their data, and how the test opens it too. */
export interface CommandDatabase {
  dataDir: string;
  /** The child's environment: its DATA_DIR, and DATABASE_URL on the server's schema when there is one. */
  env: NodeJS.ProcessEnv;
  /** How the test opens the same database (once the command has exited: PGlite's directory has one user at a time). */
  options: DatabaseOptions;
  remove(): Promise<void>;
}

/** PGlite in a fresh DATA_DIR, or a fresh schema of this run on the PostgreSQL server named by DATABASE_URL. */
export async function commandDatabase(prefix: string, extraEnv: Record<string, string> = {}): Promise<CommandDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const server = await childProcessSchema();
  return {
    dataDir,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: server?.databaseUrl ?? '', ...extraEnv },
    options: server ? { databaseUrl: process.env.DATABASE_URL, schema: server.schema, poolSize: 1 } : { pgliteDir: path.join(dataDir, 'pg') },
    remove: () => fs.rm(dataDir, { recursive: true, force: true }),
  };
}

/** Runs `guichet ARGS` to its end in that environment. */
export const runGuichet = (env: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
