import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPath } from '../../src/modules/archive/digest.ts';
import type { Archive } from '../../src/modules/archive/index.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { S3RVER_CREDENTIALS, startS3Server, type S3Server } from '../support/s3-server.ts';
import { approvedFile } from '../documents/support.ts';
import { archiveOf, archivist, fileAt, packageOf, readCopy, sha256 } from './storage-support.ts';

/**
 * Issue 8 item 4, scale-out: the replica root is a bucket of an S3-compatible service (s3rver: the
 * S3 API over HTTP) while the primary stays a directory. Archived contents land in the bucket under
 * their digest, a damaged object is repaired from the primary, and a service that is down at ingest
 * is reported and caught up by the audit once it is back.
 */
let platform: TestApp;
let archive: Archive;
let salma: ApiClient;
let s3: S3Server;
let scratch: string;
const AUDITOR = { context: systemContext('test: fixity audit') };
const PREFIX = 'national-archives/replica';
const objectOf = (digest: string) => s3.object(`${PREFIX}/${contentPath(digest)}`);
const copyStates = (pkg: { files: { copies: { root: string; state: string }[] }[] }) => pkg.files.map((f) => f.copies.map((c) => `${c.root}:${c.state}`).join(' '));
type Package = Awaited<ReturnType<typeof packageOf>>;

beforeAll(async () => {
  s3 = await startS3Server();
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-archive-s3-'));
  const env = {
    ARCHIVE_PRIMARY_DIR: path.join(scratch, 'primary'),
    ARCHIVE_REPLICA_URL: `s3://${s3.bucket}/${PREFIX}`,
    ARCHIVE_S3_ENDPOINT: s3.endpoint,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  };
  platform = await startTestApp(env, process.env.DATABASE_URL);
  archive = archiveOf(platform, env);
  salma = await archivist(platform);
});
afterAll(async () => {
  await platform?.close();
  await s3?.destroy();
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

/** An apprenticeship certificate filed, paid and approved: the outbox archives it. */
async function archivedFile(): Promise<Package> {
  const awa = await signedIn(platform.url, 'awa.ndiaye');
  const file = await approvedFile(platform.url, awa, 'apprenticeship-certificate');
  return packageOf(salma, file.reference);
}

let first: Package;

describe('an S3-compatible replica root', () => {
  it('archives a closed record to the directory primary and the bucket, every object under its digest with the same bytes', async () => {
    first = await archivedFile();
    expect(first.state).toBe('stored');
    expect(new Set(copyStates(first))).toEqual(new Set(['primary:present replica:present']));
    const replications = first.events.filter((e: { type: string }) => e.type === 'replication');
    expect(replications.map((e: { outcome: string; detail: string }) => `${e.outcome}: ${e.detail}`)).toEqual(first.files.map(() => 'success: copied to the replica root'));
    for (const f of first.files) {
      const object = await objectOf(f.sha256);
      expect(object && sha256(object), f.path).toBe(f.sha256);
      expect(object).toEqual(await readCopy(path.join(scratch, 'primary'), f.sha256));
    }
  });

  it('detects a replica object overwritten with other bytes and repairs it from the primary', async () => {
    const certificate = fileAt(first, 'data/documents/');
    await s3.overwrite(`${PREFIX}/${contentPath(certificate.sha256)}`, Buffer.from('%PDF-1.7 not the certificate that was issued'));

    const report = await archive.auditFixity(AUDITOR);
    expect(report).toMatchObject({ repaired: 1, lost: 0, unrepaired: 0, intact: report.checked - 1 });
    expect(sha256((await objectOf(certificate.sha256)) as Buffer)).toBe(certificate.sha256);
    const events = (await salma.request('GET', `/api/archive/packages/${first.identifier}`)).body.events.filter((e: { file: string | null }) => e.file === certificate.path);
    expect(events.slice(-2).map((e: { type: string; outcome: string; detail: string }) => [e.type, e.outcome, e.detail])).toEqual([
      ['fixity check', 'failure', expect.stringMatching(/^replica: corrupt \(hashes to [0-9a-f]{64}\)$/)],
      ['replication', 'success', 'replica copy repaired from an intact copy'],
    ]);
  });

  it('stores a package while the S3 service is down, records its replica copies missing, and the audit catches them up once the service is back', async () => {
    await s3.stop();
    let second: Package;
    try {
      second = await archivedFile();
      expect(second.state).toBe('stored');
      expect(new Set(copyStates(second))).toEqual(new Set(['primary:present replica:missing']));
      const failures = second.events.filter((e: { type: string; outcome: string }) => e.type === 'replication' && e.outcome === 'failure');
      expect(failures).toHaveLength(second.files.length);
      expect(failures[0].detail).toBe('replica root unavailable (ECONNREFUSED); the fixity audit copies it later');

      const whileDown = await archive.auditFixity(AUDITOR);
      expect(whileDown).toMatchObject({ intact: 0, repaired: 0, lost: 0, unrepaired: whileDown.checked });
    } finally {
      await s3.start();
    }

    const missing = new Set<string>(second.files.map((f: { sha256: string }) => f.sha256));
    for (const f of first.files) missing.delete(f.sha256);
    const caughtUp = await archive.auditFixity(AUDITOR);
    expect(caughtUp).toMatchObject({ repaired: missing.size, lost: 0, unrepaired: 0, problems: [], intact: caughtUp.checked - missing.size });
    for (const f of second.files) expect(sha256((await objectOf(f.sha256)) ?? Buffer.alloc(0)), f.path).toBe(f.sha256);
    const after = (await salma.request('GET', `/api/archive/packages/${second.identifier}`)).body;
    expect(new Set(copyStates(after))).toEqual(new Set(['primary:present replica:present']));
    expect((await archive.auditFixity(AUDITOR)).intact).toBe(caughtUp.checked);
  });
});
