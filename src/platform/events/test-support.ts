import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import type { EventLogger } from './bus.ts';

// Helpers for this folder's tests only (not exported from index.ts).

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

export function recordingLogger(): EventLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object, msg: string) => void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * A second "process" on the same database: its own pool on the same schema on a server; on PGlite
 * the same handle, since an embedded database belongs to one process.
 */
export async function openSecondProcess(handle: DatabaseHandle): Promise<DatabaseHandle> {
  if (handle.engine === 'pglite') return { ...handle, close: async () => {} };
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  return openDatabase({ databaseUrl: process.env.DATABASE_URL, schema: rows[0]?.schema, poolSize: 5 });
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A promise the test resolves by hand, to hold a handler mid-flight. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
