import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** s3rver checks request signatures against these fixed keys. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * An S3-API server of the test's own (s3rver: real HTTP, real signatures, objects in a temporary
 * directory) on 127.0.0.1, with one bucket: tests may stop it and start it again on the same port
 * and data, as a storage service going down and coming back.
 */
export interface S3Server {
  endpoint: string;
  bucket: string;
  /** A client of its own, to look at and damage objects behind a store's back. */
  client: S3Client;
  /** The object's bytes, or undefined when there is none. */
  object(key: string): Promise<Buffer | undefined>;
  /** Replaces an object's bytes (bit rot, a stray write). */
  overwrite(key: string, bytes: Buffer): Promise<void>;
  /** Keys under a prefix. */
  keys(prefix: string): Promise<string[]>;
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

/** Bucket names are 3 to 63 characters: one name per test file is enough, each server has its own directory. */
export async function startS3Server(bucket = 'guichet-archive'): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'guichet-s3-'));
  const launch = async (port: number) => {
    const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
    return { server, port: (await server.run()).port };
  };
  let running: S3rver | undefined;
  const first = await launch(0);
  running = first.server;
  const endpoint = `http://127.0.0.1:${first.port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  const stop = async () => {
    const server = running;
    running = undefined;
    await server?.close();
  };
  return {
    endpoint,
    bucket,
    client,
    async object(key) {
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return Buffer.from((await Body?.transformToByteArray()) ?? []);
      } catch (error) {
        if ((error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async overwrite(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
    },
    async keys(prefix) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (listed.Contents ?? []).map((o) => o.Key as string);
    },
    stop,
    async start() {
      if (!running) running = (await launch(first.port)).server;
    },
    async destroy() {
      await stop();
      client.destroy();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
