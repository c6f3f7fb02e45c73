import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { contentPath, type Digests } from './digest.ts';
import { stageContent, sweepStaged } from './incoming.ts';

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
 * One storage root of the archive, content-addressed by SHA-256: a directory (below) or an
 * S3-compatible bucket (`s3-store.ts`), both keyed `ab/cd/<sha256>` (docs/archive/storage.md).
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
   * not hash to `sha256` are refused (DigestMismatch) and nothing is written. `sha256` may be the
   * promise of it, settled by the time the bytes have all come: a copy written alongside the
   * content's first write to the other root, which is computing the digest (ingest.ts).
   */
  put(sha256: string | Promise<string>, source: ArchiveSource): Promise<void>;
  /** The stored bytes; ContentMissing when there are none. */
  get(sha256: string): Promise<Readable>;
  /** The SHA-256 of the copy as it lies now, read once (the fixity check); ContentMissing when there is none. */
  rehash(sha256: string): Promise<string>;
  has(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  /** Deletes writes a crash interrupted (older than `olderThanMs`); how many. */
  sweepIncomplete(olderThanMs: number): Promise<number>;
}

/** Writes in progress, inside the root so the final rename stays on one filesystem and is atomic. */
const INCOMING = 'incoming';
/** Large reads: fewer trips through the event loop over multi-megabyte contents. */
const READ_BYTES = 1024 * 1024;

export function createFileArchiveStore(options: { name: string; root: string }): ArchiveStore {
  const root = path.resolve(options.root);
  const incoming = path.join(root, INCOMING);

  const pathOf = (sha256: string) => path.join(root, contentPath(sha256));

  /** Streams `source` to a temporary file while hashing, then renames it to its digest. */
  async function write(source: ArchiveSource, withSha512: boolean, expected?: string | Promise<string>): Promise<Digests> {
    // durable: fsync before close, so a crash after the rename cannot leave a short file under a digest.
    const { file, digests } = await stageContent(incoming, source, { withSha512, durable: true });
    try {
      const want = await expected;
      if (want !== undefined && digests.sha256 !== want) throw new DigestMismatch(want, digests.sha256);
      const final = pathOf(digests.sha256);
      await fs.mkdir(path.dirname(final), { recursive: true });
      // Same digest, same bytes: replacing a copy (a corrupt one being repaired) is what we want.
      await fs.rename(file, final);
      return digests;
    } finally {
      await fs.rm(file, { force: true });
    }
  }

  const add = (source: ArchiveSource) => write(source, true);
  async function put(sha256: string | Promise<string>, source: ArchiveSource): Promise<void> {
    if (typeof sha256 === 'string') pathOf(sha256);
    await write(source, false, sha256);
  }

  async function open(sha256: string): Promise<fs.FileHandle> {
    try {
      return await fs.open(pathOf(sha256), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new ContentMissing(options.name, sha256);
      throw error;
    }
  }

  async function get(sha256: string): Promise<Readable> {
    return (await open(sha256)).createReadStream({ highWaterMark: READ_BYTES });
  }

  /** One buffer read into again and again: a stream would allocate a new one per chunk, and the audit reads everything. */
  async function rehash(sha256: string): Promise<string> {
    const handle = await open(sha256);
    try {
      const digest = createHash('sha256');
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
        if (bytesRead === 0) return digest.digest('hex');
        digest.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
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

  const sweepIncomplete = (olderThanMs: number) => sweepStaged(incoming, olderThanMs);

  return { name: options.name, add, put, get, rehash, has, remove, sweepIncomplete };
}
