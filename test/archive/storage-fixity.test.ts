import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveAuditCommand, archiveReadsOf, archiveRoots, type Archive } from '../../src/modules/archive/index.ts';
import { applicationPackage } from '../../src/modules/archive/application-package.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { fileApplication, payAtDesk, signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { approvedFile, issued } from '../documents/support.ts';
import { archiveOf, archivist, copyPath, fileAt, packageOf, readCopy, sha256 } from './storage-support.ts';

/**
 * Issue 8 item 4: every content in a primary and a replica root; the fixity audit re-hashes both,
 * repairs a bad copy from the good one, reports what no copy can save; a replica root that is down
 * at ingest is caught up later; an ingest cut short is resumed or rolled back.
 */
let platform: TestApp;
let archive: Archive;
let salma: ApiClient;
let scratch: string;
let env: Record<string, string>;
const db = () => platform.database.db;
const AUDITOR = { context: systemContext('test: fixity audit'), resumeOlderThanMs: 60_000 };
/** A regular file where the replica's mount point should be: the root cannot be created or read. */
const unmounted = () => path.join(scratch, 'unmounted');
const primary = () => env.ARCHIVE_PRIMARY_DIR as string;
const replica = () => env.ARCHIVE_REPLICA_DIR as string;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-archive-'));
  await fs.writeFile(unmounted(), 'not a disk');
  env = { ARCHIVE_PRIMARY_DIR: path.join(scratch, 'primary'), ARCHIVE_REPLICA_DIR: path.join(unmounted(), 'replica') };
  platform = await startTestApp(env, process.env.DATABASE_URL);
  archive = archiveOf(platform, env);
  salma = await archivist(platform);
});
afterAll(async () => {
  await platform?.close();
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

const copiesOf = (digest: string) => db().selectFrom('archive_copies').select(['root', 'state']).where('sha256', '=', digest).orderBy('root').execute();
const contentsStored = async () => Number((await db().selectFrom('archive_files').select(sql<number>`count(distinct sha256)`.as('n')).executeTakeFirstOrThrow()).n);

let identifier: string;

describe('replicated storage and fixity audit', () => {
  it('stores a package while the replica root is down, records the failed replication, and the audit catches the replica up once the root is back', async () => {
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    const file = await approvedFile(platform.url, awa, 'apprenticeship-certificate');
    const pkg = await packageOf(salma, file.reference);
    identifier = pkg.identifier;
    expect(pkg.state).toBe('stored');
    for (const f of pkg.files) expect(f.copies.map((c: { root: string; state: string }) => `${c.root}:${c.state}`)).toEqual(['primary:present', 'replica:missing']);
    const failures = pkg.events.filter((e: { type: string; outcome: string }) => e.type === 'replication' && e.outcome === 'failure');
    expect(failures).toHaveLength(pkg.files.length);
    expect(failures[0].detail).toMatch(/replica root unavailable \(ENOTDIR\)/);

    // Still down: every replica copy reported, none lost (the primary holds them all).
    const contents = await contentsStored();
    const whileDown = await archive.auditFixity(AUDITOR);
    expect(whileDown).toMatchObject({ checked: contents, intact: 0, repaired: 0, lost: 0, unrepaired: contents });

    await fs.rm(unmounted());
    const caughtUp = await archive.auditFixity(AUDITOR);
    expect(caughtUp).toMatchObject({ checked: contents, repaired: contents, lost: 0, unrepaired: 0, problems: [] });
    for (const f of pkg.files) {
      expect(sha256(await readCopy(replica(), f.sha256))).toBe(f.sha256);
      expect(await copiesOf(f.sha256)).toEqual([{ root: 'primary', state: 'present' }, { root: 'replica', state: 'present' }]);
    }
    const latest = await salma.request('GET', '/api/archive/fixity/latest');
    expect(latest.body).toMatchObject({ id: caughtUp.id, checked: contents, repaired: contents, lost: 0 });
    expect((await archive.auditFixity(AUDITOR)).intact).toBe(contents);
  });

  it('detects a byte flipped in the primary copy and repairs it from the replica; a file deleted from both copies is reported lost', async () => {
    const pkg = (await salma.request('GET', `/api/archive/packages/${identifier}`)).body;
    const certificate = fileAt(pkg, 'data/documents/');
    const damaged = copyPath(primary(), certificate.sha256);
    const bytes = await fs.readFile(damaged);
    const at = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    await fs.writeFile(damaged, bytes);

    const repaired = await archive.auditFixity(AUDITOR);
    expect(repaired).toMatchObject({ repaired: 1, lost: 0, unrepaired: 0, intact: repaired.checked - 1 });
    expect(sha256(await fs.readFile(damaged))).toBe(certificate.sha256);
    const events = (await salma.request('GET', `/api/archive/packages/${identifier}`)).body.events.filter((e: { file: string | null }) => e.file === certificate.path);
    expect(events.slice(-2).map((e: { type: string; outcome: string; detail: string }) => [e.type, e.outcome, e.detail])).toEqual([
      ['fixity check', 'failure', expect.stringMatching(/^primary: corrupt \(hashes to [0-9a-f]{64}\)$/)],
      ['replication', 'success', 'primary copy repaired from an intact copy'],
    ]);

    const form = fileAt(pkg, 'data/form.json');
    await fs.rm(copyPath(primary(), form.sha256));
    await fs.rm(copyPath(replica(), form.sha256));
    const printed: string[] = [];
    const out = { log: (line: string) => void printed.push(line), error: (line: string) => void printed.push(line) };
    expect(await archiveAuditCommand(db(), archiveRoots(env, platform.dataDir), 'en', out)).toBe(1);
    expect(printed[0]).toMatch(/^Fixity audit: \d+ content\(s\) checked in both copies — \d+ intact, 0 copy\(ies\) repaired, 1 lost, 0 copy\(ies\) not repaired\.$/);
    expect(printed).toContain(`LOST: ${identifier} data/form.json (sha256 ${form.sha256}): no intact copy is left.`);
    expect(await copiesOf(form.sha256)).toEqual([{ root: 'primary', state: 'missing' }, { root: 'replica', state: 'missing' }]);
    const latest = (await salma.request('GET', '/api/archive/fixity/latest')).body;
    expect(latest).toMatchObject({ lost: 1, agent: 'cli: archive audit', problems: [{ kind: 'lost', root: null, package: identifier, path: 'data/form.json', sha256: form.sha256 }] });
    const audit = await db().selectFrom('audit_entries').select(['action', 'details']).where('action', 'in', ['archive.copies_checked', 'archive.fixity_audited']).orderBy('seq', 'desc').limit(2).execute();
    expect(audit.map((a) => a.action)).toEqual(['archive.fixity_audited', 'archive.copies_checked']);
    expect(audit[1]?.details).toMatchObject({ lost: [form.sha256] });
  });

  it('keeps an ingest cut short out of sight, resumes it from its source, and rolls back one whose source is gone', async () => {
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    const file = await fileApplication(awa, 'apprenticeship-certificate');
    await payAtDesk(platform.url, file.id);
    await issued(awa, file.id, 'receipt');
    // The outbox paused before the approval, so this test is the only one archiving the file (the restart below redelivers).
    await platform.bus.stop();
    const approved = await (await signedIn(platform.url, 'fatou.sow')).request('POST', `/api/applications/${file.id}/actions`, { action: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    // What the documents module's subscriber would do from the paused outbox: the package waits for the certificate.
    await platform.documents.issueForApplication(file.id);
    const reads = archiveReadsOf({ db: db(), cases: platform.cases, documents: platform.documents, customs: platform.customs });
    const source = await applicationPackage(reads, file.id);
    if (!source) throw new Error('the file should be closed');
    const killedAt = 3;
    const crashing = { ...source, files: source.files.map((f, i) => (i === killedAt ? { ...f, content: () => Promise.reject(new Error('SIGKILL')) } : f)) };
    await expect(archive.ingest(crashing)).rejects.toThrow('SIGKILL');
    const reserved = await db().selectFrom('archive_packages').select(['id', 'identifier', 'state']).where('source_id', '=', file.id).executeTakeFirstOrThrow();
    expect(reserved.state).toBe('ingesting');
    expect((await salma.request('GET', `/api/archive/packages?source=${file.reference}`)).body.items).toEqual([]);
    expect((await salma.request('GET', `/api/archive/packages/${reserved.identifier}`)).status).toBe(404);
    expect(await db().selectFrom('archive_files').select('id').where('package_id', '=', reserved.id).execute()).toEqual([]);

    // An orphan: its source record does not exist (any more).
    const orphanId = randomUUID();
    await expect(archive.ingest({ ...crashing, sourceId: orphanId, reference: 'KD-GONE-0001' })).rejects.toThrow('SIGKILL');

    // A young interruption may be a live ingest elsewhere: left alone. Older ones are dealt with.
    expect(await archive.resumeInterrupted(systemContext('test: resume'), 60_000)).toEqual({ resumed: 0, rolledBack: 0, failed: 0 });
    expect(await archive.resumeInterrupted(systemContext('test: resume'), 0)).toEqual({ resumed: 1, rolledBack: 1, failed: 0 });
    const resumed = await packageOf(salma, file.reference);
    expect(resumed).toMatchObject({ identifier: reserved.identifier, state: 'stored' });
    expect(resumed.files).toHaveLength(source.files.length + 1);
    expect(await db().selectFrom('archive_packages').select('id').where('source_id', '=', orphanId).execute()).toEqual([]);
    const rolledBack = await db().selectFrom('audit_entries').select(['details']).where('action', '=', 'archive.ingest_rolled_back').execute();
    expect(rolledBack).toEqual([{ details: expect.objectContaining({ source: 'application:KD-GONE-0001' }) }]);

    // The outbox back: its delivery of the approval finds the package there.
    platform.bus.start(db());
    await platform.bus.drain(db());
    expect(await db().selectFrom('archive_packages').select('identifier').where('source_id', '=', file.id).execute()).toEqual([{ identifier: reserved.identifier }]);
  });
});
