import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { AppError, notFound } from '../http/errors.ts';
import { PlainTextCheck } from './plain-text.ts';
import { BLOB_USES, PLAIN_TEXT, type BlobUse, type BlobUseName } from './uses.ts';

/** Bytes to store: in memory, a Node stream (an upload), or any async source of chunks. */
export type BlobSource = Buffer | NodeJS.ReadableStream | AsyncIterable<Uint8Array>;

export interface StoredBlob {
  sha256: string;
  size: number;
  mediaType: string;
}

export interface BlobInfo extends StoredBlob {
  createdAt: Date;
}

export interface BlobStore {
  /**
   * Streams `source` to disk while hashing it, checks it against `use` (size, then real type from
   * its bytes) and records it. The bytes are read before `db` is touched: give the database handle
   * rather than an open transaction when the source is a slow upload, so no transaction (on PGlite,
   * the one connection) waits on the network. Storing outside the domain transaction is safe
   * because blobs are immutable and named by content: the worst case is an unreferenced blob.
   */
  put(db: Kysely<Database>, source: BlobSource, use: BlobUseName, narrower?: Partial<BlobUse>): Promise<StoredBlob>;
  /** The stored bytes; 404 `not_found` when there are none under that hash. */
  open(sha256: string): Promise<Readable>;
  /** Size and media type as recorded; 404 `not_found` when unknown. */
  stat(db: Kysely<Database>, sha256: string): Promise<BlobInfo>;
  /** Where the bytes live; for the archive and fixity checks, never for user-facing names. */
  pathOf(sha256: string): string;
}

export interface BlobStoreOptions {
  /** DATA_DIR/blobs */
  root: string;
}

// The only shape that becomes a path: nothing a user types (names, extensions, "../") ever does.
const SHA256 = /^[0-9a-f]{64}$/;
/** Uploads in progress, inside root so the final rename stays on one filesystem and is atomic. */
const INCOMING = 'incoming';

export function createBlobStore(options: BlobStoreOptions): BlobStore {
  const root = path.resolve(options.root);
  const incoming = path.join(root, INCOMING);

  function pathOf(sha256: string): string {
    if (typeof sha256 !== 'string' || !SHA256.test(sha256)) throw notFound('blob', String(sha256).slice(0, 80));
    // Two levels of fan-out keep directories small (65,536 leaves) as the store grows to millions.
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async function put(db: Kysely<Database>, source: BlobSource, useName: BlobUseName, narrower: Partial<BlobUse> = {}): Promise<StoredBlob> {
    const use = narrowed(BLOB_USES[useName], narrower);
    await fs.mkdir(incoming, { recursive: true });
    const temporary = path.join(incoming, `${randomUUID()}.part`);
    try {
      const received = await receive(source, temporary, use);
      if (received.size === 0) throw new AppError(400, 'file_empty');
      const mediaType = await acceptedMediaType(temporary, use, received.text);
      const blob: StoredBlob = { sha256: received.sha256, size: received.size, mediaType };
      const final = pathOf(blob.sha256);
      await fs.mkdir(path.dirname(final), { recursive: true });
      // Same content, same name: replacing an existing copy with identical bytes is harmless.
      await fs.rename(temporary, final);
      await db
        .insertInto('blobs')
        .values({ sha256: blob.sha256, size: blob.size, media_type: blob.mediaType })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      return blob;
    } finally {
      await fs.rm(temporary, { force: true });
    }
  }

  async function open(sha256: string): Promise<Readable> {
    const file = pathOf(sha256);
    try {
      const handle = await fs.open(file, 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('blob', sha256);
      throw error;
    }
  }

  async function stat(db: Kysely<Database>, sha256: string): Promise<BlobInfo> {
    pathOf(sha256);
    const row = await db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    if (!row) throw notFound('blob', sha256);
    return { sha256: row.sha256, size: row.size, mediaType: row.media_type, createdAt: row.created_at };
  }

  return { put, open, stat, pathOf };
}

/** A use's limits tightened by a caller's own rule (a procedure's attachment kind): never widened. */
function narrowed(use: BlobUse, narrower: Partial<BlobUse>): BlobUse {
  return {
    maxBytes: Math.min(use.maxBytes, narrower.maxBytes ?? Infinity),
    mediaTypes: narrower.mediaTypes ? use.mediaTypes.filter((t) => narrower.mediaTypes?.includes(t)) : use.mediaTypes,
  };
}

interface Received {
  sha256: string;
  size: number;
  /** Present when the use accepts text: whether the bytes are plain text. */
  text: PlainTextCheck | undefined;
}

/** Copies the source to `file`, hashing and counting; stops at the first byte over the limit. */
async function receive(source: BlobSource, file: string, use: BlobUse): Promise<Received> {
  const hash = createHash('sha256');
  const text = use.mediaTypes.includes(PLAIN_TEXT) ? new PlainTextCheck() : undefined;
  let size = 0;
  async function* meter(chunks: AsyncIterable<unknown> | Iterable<unknown>) {
    for await (const chunk of chunks) {
      if (!(chunk instanceof Uint8Array)) throw new TypeError('blob sources must yield bytes, not strings');
      size += chunk.byteLength;
      // Throwing here ends the pipeline: the source is destroyed and nothing more is read.
      if (size > use.maxBytes) throw new AppError(413, 'file_too_large', { limit: use.maxBytes });
      hash.update(chunk);
      text?.push(chunk);
      yield chunk;
    }
  }
  const chunks: AsyncIterable<unknown> | Iterable<unknown> = Buffer.isBuffer(source) ? [source] : source;
  // The file is created before the first byte arrives, so a refused upload's cleanup (the caller's
  // `rm`) never races a stream still opening it. flush: fsync before close, so a crash after the
  // rename cannot leave an empty file under a hash.
  const handle = await fs.open(file, 'wx', 0o640);
  await pipeline(chunks, meter, handle.createWriteStream({ flush: true }));
  return { sha256: hash.digest('hex'), size, text };
}

/** The media type read from the bytes, if the use accepts it; the claimed name or type never counts. */
async function acceptedMediaType(file: string, use: BlobUse, text: PlainTextCheck | undefined): Promise<string> {
  const detected = await fileTypeFromFile(file);
  if (detected && use.mediaTypes.includes(detected.mime)) return detected.mime;
  // Text has no magic bytes (and a CSV may even start with "MZ", an executable's signature), so a
  // use that takes text decides on the bytes being text instead. Whatever passes is labelled and
  // served as text/plain, never as the format its first bytes imitate.
  if (text?.isText) return PLAIN_TEXT;
  throw new AppError(415, 'file_type_not_allowed', { detected: detected?.mime ?? 'unknown', allowed: use.mediaTypes.join(', ') });
}
