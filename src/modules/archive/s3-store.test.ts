import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeArchiveStore } from '../../../test/archive/store-contract.ts';
import { S3RVER_CREDENTIALS, startS3Server, type S3Server } from '../../../test/support/s3-server.ts';
import { ConfigError } from '../../platform/config.ts';
import { archiveRoots, s3Location } from './config.ts';
import { contentPath } from './digest.ts';
import { createS3ArchiveStore } from './s3-store.ts';
import type { ArchiveStore } from './store.ts';

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let s3: S3Server;
let scratch: string;

beforeAll(async () => {
  s3 = await startS3Server();
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-s3-store-'));
});
afterAll(async () => {
  await s3?.destroy();
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

/** Fresh roots per test: a prefix of their own in the shared bucket, and local incoming directories of their own. */
function s3Roots(client: S3Client | { endpoint: string; region: string; credentials: typeof S3RVER_CREDENTIALS } = s3.client) {
  const run = randomUUID();
  const prefixOf = (name: string) => `archive-${run}/${name}`;
  const incomingOf = (name: string) => path.join(scratch, run, name);
  const open = (name: string) => createS3ArchiveStore({ name, bucket: s3.bucket, prefix: prefixOf(name), incoming: incomingOf(name), client });
  return { run, prefixOf, incomingOf, primary: open('primary'), replica: open('replica') };
}

describeArchiveStore('S3-compatible bucket', async () => {
  const { run, prefixOf, incomingOf, primary, replica } = s3Roots();
  const key = (store: ArchiveStore, sha256: string) => `${prefixOf(store.name)}/${contentPath(sha256)}`;
  const localFiles = (store: ArchiveStore) => fs.readdir(incomingOf(store.name)).catch(() => []);
  return {
    primary,
    replica,
    stored: (store, sha256) => s3.object(key(store, sha256)),
    damage: (store, sha256, bytes) => s3.overwrite(key(store, sha256), bytes),
    held: async (store) => (await s3.keys(`${prefixOf(store.name)}/`)).length + (await localFiles(store)).length,
    incoming: (store) => incomingOf(store.name),
    dispose: () => fs.rm(path.join(scratch, run), { recursive: true, force: true }),
  };
});

describe('an S3-compatible root', () => {
  it("uploads under <prefix>/ab/cd/<sha256> with the content's own SHA-256 as its checksum, one checksum only", async () => {
    const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
    const sent: { path: string; headers: Record<string, string> }[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { method: string; path: string; headers: Record<string, string> };
        if (request.method === 'PUT') sent.push({ path: request.path, headers: { ...request.headers } });
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordPuts' },
    );
    const { primary, prefixOf } = s3Roots(client);
    const bytes = Buffer.from('release note KD-CUS-2026-000042');
    const { sha256 } = await primary.add(Readable.from([bytes]));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe(`/${s3.bucket}/${prefixOf('primary')}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
    expect(sent[0]?.headers['x-amz-checksum-sha256']).toBe(Buffer.from(sha256Hex(bytes), 'hex').toString('base64'));
    expect(Object.keys(sent[0]?.headers ?? {}).filter((h) => h.startsWith('x-amz-checksum-'))).toEqual(['x-amz-checksum-sha256']);
    expect(sent[0]?.headers['content-length']).toBe(String(bytes.length));
    client.destroy();
  });

  it('fails a write while the service is down, keeps no local temporary file open or on disk, and writes again once it is back', async () => {
    const { primary, replica, incomingOf } = s3Roots({ endpoint: s3.endpoint, region: 'us-east-1', credentials: S3RVER_CREDENTIALS });
    const bytes = Buffer.from('%PDF-1.7 licence');
    const { sha256 } = await primary.add(bytes);
    await s3.stop();
    // What this process holds open in the incoming directory (Linux: /proc/self/fd links to "<path> (deleted)" once removed).
    const heldOpen = async () => (await Promise.all((await fs.readdir('/proc/self/fd')).map((fd) => fs.readlink(`/proc/self/fd/${fd}`).catch(() => '')))).filter((target) => target.startsWith(incomingOf('replica')));
    try {
      for (let i = 0; i < 3; i++) await expect(replica.put(sha256, Readable.from([bytes]))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(await heldOpen()).toEqual([]);
      await expect(replica.has(sha256)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(await fs.readdir(incomingOf('replica'))).toEqual([]);
    } finally {
      await s3.start();
    }
    await replica.put(sha256, Readable.from([bytes]));
    expect(await replica.has(sha256)).toBe(true);
  });
});

describe('S3 configuration', () => {
  it('makes a root a bucket from its URL while the other stays a directory', async () => {
    const dataDir = path.join(scratch, 'data');
    const roots = archiveRoots({ ARCHIVE_REPLICA_URL: `s3://${s3.bucket}/national-archives/replica/`, ARCHIVE_S3_ENDPOINT: s3.endpoint, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' }, dataDir);
    const bytes = Buffer.from('<dc:title>Licence</dc:title>');
    const { sha256 } = await roots.primary.add(bytes);
    await roots.replica.put(sha256, await roots.primary.get(sha256));
    expect(await s3.object(`national-archives/replica/${contentPath(sha256)}`)).toEqual(bytes);
    expect(await fs.readFile(path.join(dataDir, 'archive', 'primary', contentPath(sha256)))).toEqual(bytes);
  });

  it('reads bucket and prefix from s3://bucket/prefix', () => {
    expect(s3Location('ARCHIVE_REPLICA_URL', 's3://guichet-archive')).toEqual({ bucket: 'guichet-archive', prefix: '' });
    expect(s3Location('ARCHIVE_REPLICA_URL', 's3://archives.gov.kd/replica/2026/')).toEqual({ bucket: 'archives.gov.kd', prefix: 'replica/2026' });
  });

  it.each([
    ['a path, not a URL', '/mnt/replica', /ARCHIVE_REPLICA_URL must look like s3:\/\/bucket\/prefix, got "\/mnt\/replica"/],
    ['another scheme', 'https://s3.example/archive', /must look like s3:\/\/bucket\/prefix/],
    ['a bucket too short', 's3://ab/replica', /"ab" is not an S3 bucket name/],
    ['a bucket in capitals', 's3://Archives/replica', /"Archives" is not an S3 bucket name/],
    ['a query string', 's3://guichet-archive/replica?versionId=1', /must look like s3:\/\/bucket\/prefix/],
    ['a prefix climbing out', 's3://guichet-archive/../secrets', /the prefix "\.\.\/secrets" may hold only/],
  ])('refuses to start on a malformed URL: %s', (_, url, message) => {
    expect(() => archiveRoots({ ARCHIVE_REPLICA_URL: url }, scratch)).toThrow(ConfigError);
    expect(() => archiveRoots({ ARCHIVE_REPLICA_URL: url }, scratch)).toThrow(message);
  });

  it('refuses a root given both as a directory and as a bucket, half a key pair, and an endpoint that is not a URL', () => {
    expect(() => archiveRoots({ ARCHIVE_PRIMARY_DIR: '/srv/archive', ARCHIVE_PRIMARY_URL: 's3://guichet-archive/primary' }, scratch)).toThrow('set ARCHIVE_PRIMARY_DIR or ARCHIVE_PRIMARY_URL, not both');
    expect(() => archiveRoots({ ARCHIVE_REPLICA_URL: 's3://guichet-archive/r', AWS_ACCESS_KEY_ID: 'AKIA' }, scratch)).toThrow(/set both or neither/);
    expect(() => archiveRoots({ ARCHIVE_REPLICA_URL: 's3://guichet-archive/r', ARCHIVE_S3_ENDPOINT: 'minio:9000' }, scratch)).toThrow(/ARCHIVE_S3_ENDPOINT must be an http:\/\/ or https:\/\/ URL/);
  });
});
