import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { ContentDigest, contentPath, sha256Of, type Digests } from './digest.ts';
import { stageContent, sweepStaged } from './incoming.ts';
import { ContentMissing, DigestMismatch, type ArchiveSource, type ArchiveStore } from './store.ts';

/**
 * The most one PutObject takes (AWS S3; compatible servers match it). Archive contents are
 * documents and scans far below it (the blob store takes 100 MiB at most), so every content is one
 * PUT: atomic per key, checked against one full-object SHA-256, and no multipart upload left to abort.
 */
const LARGEST_PUT = 5 * 1024 ** 3;

/** How to reach an S3-compatible service when no client is handed over. */
export interface S3Connection {
  /** An S3-compatible server (MinIO, Ceph RGW, Garage…), addressed path-style; unset for AWS itself. */
  endpoint?: string | undefined;
  region: string;
  /** Unset: the SDK's own chain (AWS_* variables, profile, instance or pod role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined } | undefined;
}

export interface S3ArchiveStoreOptions {
  /** The root's name as the copies table records it: `primary`, `replica`. */
  name: string;
  bucket: string;
  /** Inside the bucket: objects are `<prefix>/ab/cd/<sha256>` (no prefix: `ab/cd/<sha256>`). */
  prefix: string;
  /** A local directory (under DATA_DIR) where a content is hashed before it is uploaded. */
  incoming: string;
  /** A client to share, or where to connect. */
  client: S3Client | S3Connection;
}

const silent = () => undefined;

function clientOf(connection: S3Client | S3Connection): S3Client {
  if (connection instanceof S3Client) return connection;
  return new S3Client({
    region: connection.region,
    endpoint: connection.endpoint,
    // Compatible servers are reached by path (http://host/bucket/key): no DNS name per bucket needed.
    forcePathStyle: connection.endpoint !== undefined,
    credentials: connection.credentials,
    // A replica that stops answering must fail the write (recorded, caught up by the audit), not hang the ingest.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
    // Every failure is thrown to the caller, which records it (ingest: replica missing; audit:
    // unrepaired): the SDK's own console lines (a failed command, a streaming upload it cannot retry) would only repeat it.
    logger: { debug: silent, info: silent, warn: silent, error: silent },
  });
}

/** The object is not there (GET answers NoSuchKey, HEAD a bodiless 404). */
const absent = (error: unknown) => error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');

/** A content hashed and ready to upload, from memory as it is (generated JSON and XML) or from a local temporary file. */
interface Staged {
  digests: Digests;
  body(): Buffer | Readable;
  discard(): Promise<void>;
}

async function staged(incoming: string, source: ArchiveSource, withSha512: boolean): Promise<Staged> {
  if (Buffer.isBuffer(source)) {
    const digest = new ContentDigest(withSha512);
    digest.update(source);
    return { digests: digest.digest(), body: () => source, discard: async () => undefined };
  }
  const { file, digests } = await stageContent(incoming, source, { withSha512, durable: false });
  let body: Readable | undefined;
  return {
    digests,
    body: () => (body = createReadStream(file)),
    // An upload that failed before reading its body (service down) leaves the file open: close it.
    discard: async () => {
      body?.destroy();
      await fs.rm(file, { force: true });
    },
  };
}

/**
 * A storage root in an S3-compatible bucket. S3 has no rename, so a content is hashed first
 * (streamed into a local temporary file, or in memory when it already is), checked against the
 * digest asked for, and only then uploaded under its final key with one PutObject: the object
 * appears whole or not at all. The upload carries `x-amz-checksum-sha256` (the content's own
 * SHA-256), so a server that checks it refuses bytes damaged on the way.
 */
export function createS3ArchiveStore(options: S3ArchiveStoreOptions): ArchiveStore {
  const client = clientOf(options.client);
  const Bucket = options.bucket;
  const prefix = options.prefix.replace(/^\/+|\/+$/g, '');
  const keyOf = (sha256: string) => (prefix ? `${prefix}/${contentPath(sha256)}` : contentPath(sha256));

  async function write(source: ArchiveSource, withSha512: boolean, expected?: string | Promise<string>): Promise<Digests> {
    const content = await staged(options.incoming, source, withSha512);
    try {
      const { sha256, size } = content.digests;
      const want = await expected;
      if (want !== undefined && sha256 !== want) throw new DigestMismatch(want, sha256);
      if (size > LARGEST_PUT) throw new Error(`${size} bytes is more than one S3 PUT takes (${LARGEST_PUT})`);
      await client.send(new PutObjectCommand({ Bucket, Key: keyOf(sha256), Body: content.body(), ContentLength: size, ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64') }));
      return content.digests;
    } finally {
      await content.discard();
    }
  }

  const add = (source: ArchiveSource) => write(source, true);
  async function put(sha256: string | Promise<string>, source: ArchiveSource): Promise<void> {
    if (typeof sha256 === 'string') keyOf(sha256);
    await write(source, false, sha256);
  }

  const rehash = async (sha256: string) => (await sha256Of(await get(sha256))).sha256;

  async function get(sha256: string): Promise<Readable> {
    try {
      const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256) }));
      // In Node the SDK's body is the HTTP response itself: a Readable, streamed, never buffered.
      if (!Body) throw new ContentMissing(options.name, sha256);
      return Body as Readable;
    } catch (error) {
      if (absent(error)) throw new ContentMissing(options.name, sha256);
      throw error;
    }
  }

  /** Whether the object is there; a bucket that cannot be reached is an error, not an absence. */
  async function has(sha256: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
      return true;
    } catch (error) {
      if (absent(error)) return false;
      throw error;
    }
  }

  async function remove(sha256: string): Promise<void> {
    // S3 answers 204 whether or not the key was there.
    await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
  }

  // Only local temporary files can be left behind: nothing reaches the bucket before it is whole.
  const sweepIncomplete = (olderThanMs: number) => sweepStaged(options.incoming, olderThanMs);

  return { name: options.name, add, put, get, rehash, has, remove, sweepIncomplete };
}
