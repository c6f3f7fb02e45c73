import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentDigest, type Digests } from './digest.ts';
import type { ArchiveSource } from './store.ts';

/** A write in progress ends in `.part`: nothing else in an incoming directory is the sweep's to delete. */
const PART = '.part';

/** A content written to a temporary file, with the digests of the bytes that went in. */
export interface StagedContent {
  file: string;
  digests: Digests;
}

/**
 * Streams `source` into a new file of `incoming` while hashing it: the one pass that reads a
 * content. `durable` fsyncs before close, for a store that renames the file into place; a store
 * that uploads it and deletes it needs no flush. On failure the file is removed and the source let go.
 */
export async function stageContent(incoming: string, source: ArchiveSource, options: { withSha512: boolean; durable: boolean }): Promise<StagedContent> {
  const file = path.join(incoming, `${randomUUID()}${PART}`);
  try {
    await fs.mkdir(incoming, { recursive: true });
    const digest = new ContentDigest(options.withSha512);
    async function* hashing(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
      for await (const chunk of chunks) {
        digest.update(chunk);
        yield chunk;
      }
    }
    const handle = await fs.open(file, 'wx', 0o640);
    await pipeline(Buffer.isBuffer(source) ? [source] : source, hashing, handle.createWriteStream({ flush: options.durable }));
    return { file, digests: digest.digest() };
  } catch (error) {
    // A root that failed before reading (cannot create its directory) must still let go of the source's file handle.
    if (!Buffer.isBuffer(source)) (source as Partial<Readable>).destroy?.();
    await fs.rm(file, { force: true });
    throw error;
  }
}

/** Deletes the writes a crash interrupted in `incoming` (older than `olderThanMs`); how many. */
export async function sweepStaged(incoming: string, olderThanMs: number): Promise<number> {
  const names = await fs.readdir(incoming).catch(() => [] as string[]);
  let swept = 0;
  for (const name of names.filter((n) => n.endsWith(PART))) {
    const file = path.join(incoming, name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
      await fs.rm(file, { force: true });
      swept += 1;
    }
  }
  return swept;
}
