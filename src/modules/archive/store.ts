import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentDigest, SHA256, type Digests } from './digest.ts';

/** Bytes to store: in memory, or any stream of bytes (a blob being read, another root's copy). */
export type ArchiveSource = Buffer | AsyncIterable<Uint8Array>;

/** The content was not what it was stored as: nothing is left under its name. */
export class DigestMismatch extends Error {
  readonly expected: string;
  readonly actual: string;
  constructor(expected: string, actual: string) {
    super(`content hashes to ${actual}, expected ${expected}`);
    this.expected = expected;
    this.actual = actual;
    this.name = 'DigestMismatch';
  }
}

/** No copy of that content in this root. */
export class ContentMissing extends Error {
  readonly root: string;
  readonly sha256: string;
  constructor(root: string, sha256: string) {
    super(`no copy of ${sha256} in the ${root} root`);
    this.root = root;
    this.sha256 = sha256;
    this.name = 'ContentMissing';
  }
}

/**
 * One storage root of the archive, content-addressed by SHA-256. The filesystem implementation
 * below is the only one so far; an S3-compatible adapter (objects keyed by the same path, written
 * with a checksum header, listed for audits) fits behind this interface unchanged (docs/archive/storage.md).
 */
export interface ArchiveStore {
  /** The root's name as the copies table records it: `primary`, `replica`. */
  readonly name: string;
  /**
   * Stores new content under its SHA-256, computing SHA-256 and SHA-512 in the pass that writes it.
   * Atomic: a reader sees the whole content under its digest or nothing.
   */
  add(source: ArchiveSource): Promise<Digests>;
  /**
   * Stores a copy of known content (replication, repair), verified as it is written: bytes that do
   * not hash to `sha256` are refused (DigestMismatch) and nothing is written.
   */
  put(sha256: string, source: ArchiveSource): Promise<void>;
  /** The stored bytes; ContentMissing when there are none. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  /** Deletes writes a crash interrupted (older than `olderThanMs`); how many. */
  sweepIncomplete(olderThanMs: number): Promise<number>;
}

/** Writes in progress, inside the root so the final rename stays on one filesystem and is atomic. */
const INCOMING = 'incoming';

export function createFileArchiveStore(options: { name: string; root: string }): ArchiveStore {
  const root = path.resolve(options.root);
  const incoming = path.join(root, INCOMING);

  function pathOf(sha256: string): string {
    // Only a digest becomes a path: no name from a package ever reaches the filesystem.
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Streams `source` to a temporary file while hashing, then renames it to its digest. */
  async function write(source: ArchiveSource, withSha512: boolean, expected?: string): Promise<Digests> {
    const temporary = path.join(incoming, `${randomUUID()}.part`);
    try {
      await fs.mkdir(incoming, { recursive: true });
      const digest = new ContentDigest(withSha512);
      async function* hashing(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
        for await (const chunk of chunks) {
          digest.update(chunk);
          yield chunk;
        }
      }
      const handle = await fs.open(temporary, 'wx', 0o640);
      // flush: fsync before close, so a crash after the rename cannot leave a short file under a digest.
      await pipeline(Buffer.isBuffer(source) ? [source] : source, hashing, handle.createWriteStream({ flush: true }));
      const digests = digest.digest();
      if (expected !== undefined && digests.sha256 !== expected) throw new DigestMismatch(expected, digests.sha256);
      const final = pathOf(digests.sha256);
      await fs.mkdir(path.dirname(final), { recursive: true });
      // Same digest, same bytes: replacing a copy (a corrupt one being repaired) is what we want.
      await fs.rename(temporary, final);
      return digests;
    } catch (error) {
      // A root that failed before reading (cannot create its directory) must still let go of the source's file handle.
      if (!Buffer.isBuffer(source)) (source as Partial<Readable>).destroy?.();
      throw error;
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  const add = (source: ArchiveSource) => write(source, true);
  async function put(sha256: string, source: ArchiveSource): Promise<void> {
    pathOf(sha256);
    await write(source, false, sha256);
  }

  async function get(sha256: string): Promise<Readable> {
    try {
      const handle = await fs.open(pathOf(sha256), 'r');
      return handle.createReadStream({ highWaterMark: 1024 * 1024 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new ContentMissing(options.name, sha256);
      throw error;
    }
  }

  async function has(sha256: string): Promise<boolean> {
    return fs.access(pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async function remove(sha256: string): Promise<void> {
    await fs.rm(pathOf(sha256), { force: true });
  }

  async function sweepIncomplete(olderThanMs: number): Promise<number> {
    const names = await fs.readdir(incoming).catch(() => [] as string[]);
    let swept = 0;
    for (const name of names.filter((n) => n.endsWith('.part'))) {
      const file = path.join(incoming, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
        await fs.rm(file, { force: true });
        swept += 1;
      }
    }
    return swept;
  }

  return { name: options.name, add, put, get, has, remove, sweepIncomplete };
}
