import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClassificationScheme, loadClassificationScheme } from '../../src/modules/archive/retention/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { approvedFile, download, scanQr } from '../documents/support.ts';
import { archivist, packageOf, readCopy } from './storage-support.ts';

/**
 * Issue 8 item 5: retention and disposition. Packages come from real closed files archived by the
 * outbox; their trigger date is moved back in the database instead of waiting ten years.
 */
let platform: TestApp;
let salma: ApiClient; // archivist, National Archives
let mariam: ApiClient; // agency administrator, Ministry of Commerce: the disposal authority for its files
let moussa: ApiClient;
const db = () => platform.database.db;
const roots = () => [path.join(platform.dataDir, 'archive', 'primary'), path.join(platform.dataDir, 'archive', 'replica')];

beforeAll(async () => {
  platform = await startTestApp();
  [salma, mariam, moussa] = await Promise.all([archivist(platform), signedIn(platform.url, 'mariam.kone'), signedIn(platform.url, 'moussa.traore')]);
});
afterAll(async () => {
  await platform?.close();
});

type Package = { identifier: string; files: { path: string; sha256: string; size: number }[] };

/** An import licence (class commerce-licences-10y: review ten years after closing), approved and archived. */
async function archivedLicence(storedAt?: string): Promise<Package> {
  const file = await approvedFile(platform.url, moussa, 'import-licence');
  const pkg: Package = await packageOf(salma, file.reference);
  if (storedAt) await db().updateTable('archive_packages').set({ stored_at: new Date(storedAt) }).where('identifier', '=', pkg.identifier).execute();
  return pkg;
}

/** Eleven years ago: past its ten-year schedule. */
const longAgo = () => new Date(Date.now() - 11 * 365.25 * 86_400_000).toISOString();

const copiesOf = (pkg: Package) => Promise.allSettled(pkg.files.flatMap((f) => roots().map((root) => readCopy(root, f.sha256))));

describe('retention schedule', () => {
  it('loads the shipped scheme once at start: ensuring it again writes nothing, a changed schedule is updated and audited', async () => {
    const audited = () => db().selectFrom('audit_entries').select(['action', 'record_id']).where('record_type', '=', 'archive_retention_class').orderBy('seq').execute();
    const shipped = loadClassificationScheme();
    expect((await audited()).filter((e) => e.action === 'archive.retention_class_added')).toHaveLength(shipped.classes.length);
    expect(await ensureClassificationScheme(db(), shipped)).toEqual({ added: 0, changed: 0 });

    const longer = { ...shipped, classes: shipped.classes.map((c) => (c.code === 'civil-status-copies-5y' ? { ...c, periodYears: 6 } : c)) };
    expect(await ensureClassificationScheme(db(), longer)).toEqual({ added: 0, changed: 1 });
    expect(await ensureClassificationScheme(db(), shipped)).toEqual({ added: 0, changed: 1 });
    expect((await audited()).slice(-2)).toEqual([{ action: 'archive.retention_class_changed', record_id: 'civil-status-copies-5y' }, { action: 'archive.retention_class_changed', record_id: 'civil-status-copies-5y' }]);
  });

  it('computes the disposal due date from the class: ten years after the package was stored, to the day', async () => {
    const pkg = await archivedLicence('2015-06-30T23:30:00Z');
    const retention = await salma.request('GET', `/api/archive/packages/${pkg.identifier}/retention`);
    expect(retention.status, JSON.stringify(retention.body)).toBe(200);
    expect(retention.body).toMatchObject({ state: 'stored', retentionClass: { code: 'commerce-licences-10y', trigger: 'closed', periodYears: 10, action: 'review' }, triggerAt: '2015-06-30T23:30:00.000Z', dueOn: '2025-06-30', holds: [], disposition: null });
    const due = await salma.request('GET', '/api/archive/disposition/due?limit=500');
    expect(due.body.items).toContainEqual(expect.objectContaining({ identifier: pkg.identifier, dueOn: '2025-06-30', action: 'review', onHold: false, proposal: null }));
  });

  it('refuses to propose a package whose period has not ended', async () => {
    const pkg = await archivedLicence();
    const proposed = await salma.request('POST', '/api/archive/disposition/proposals', { packages: [pkg.identifier], reason: 'Revue annuelle' });
    expect(proposed.status).toBe(409);
    expect(proposed.body.error.code).toBe('archive_package_not_due');
    expect(proposed.body.error.message).toContain(pkg.identifier);
  });
});

describe('legal hold', () => {
  it('a record under legal hold cannot be destroyed: neither proposed, nor approved once a hold is placed after the proposal', async () => {
    const pkg = await archivedLicence(longAgo());
    const held = await salma.request('POST', `/api/archive/packages/${pkg.identifier}/legal-hold`, { reason: 'Contentieux commercial n° 2026-114' });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    const refused = await salma.request('POST', '/api/archive/disposition/proposals', { packages: [pkg.identifier], reason: 'Revue annuelle' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'archive_package_on_hold', message: expect.stringContaining('Contentieux commercial') });

    // Lifted, proposed, then held again before the authority decides: the approval is refused.
    expect((await salma.request('POST', `/api/archive/packages/${pkg.identifier}/legal-hold/lift`, { reason: 'Affaire close' })).status).toBe(204);
    const proposed = await salma.request('POST', '/api/archive/disposition/proposals', { packages: [pkg.identifier], reason: 'Revue annuelle' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect((await salma.request('POST', `/api/archive/packages/${pkg.identifier}/legal-hold`, { reason: 'Enquête fiscale' })).status).toBe(201);
    const approved = await mariam.request('POST', `/api/archive/disposition/proposals/${proposed.body.id}/decision`, { decision: 'approve', reason: 'Conforme au plan' });
    expect(approved.status).toBe(409);
    expect(approved.body.error.code).toBe('archive_package_on_hold');

    // The archivist's list of holds in force names it; the authority's open proposals name it too.
    const holds = await salma.request('GET', '/api/archive/legal-holds');
    expect(holds.body.items).toContainEqual({ package: pkg.identifier, title: expect.any(String), reason: 'Enquête fiscale', placedBy: expect.any(String), placedAt: expect.any(String) });
    expect(holds.body.items.filter((h: { package: string }) => h.package === pkg.identifier)).toHaveLength(1);
    const open = await mariam.request('GET', '/api/archive/disposition/proposals');
    expect(open.body.items).toContainEqual(expect.objectContaining({ id: proposed.body.id, state: 'proposed', packages: [pkg.identifier] }));
    expect((await salma.request('GET', '/api/archive/disposition/proposals')).status).toBe(403);
    // A platform administrator answers for every agency; nothing of it is among the decided ones yet.
    const platformAdmin = await signedIn(platform.url, 'admin');
    expect((await platformAdmin.request('GET', '/api/archive/disposition/proposals')).body.items.map((p: { id: string }) => p.id)).toContain(proposed.body.id);
    expect((await platformAdmin.request('GET', '/api/archive/disposition/proposals?state=approved')).body.items.map((p: { id: string }) => p.id)).not.toContain(proposed.body.id);

    const copies = await copiesOf(pkg);
    expect(copies.every((c) => c.status === 'fulfilled')).toBe(true);
    const retention = await salma.request('GET', `/api/archive/packages/${pkg.identifier}/retention`);
    expect(retention.body).toMatchObject({ state: 'stored', disposition: { state: 'proposed', certificate: null } });
    expect(retention.body.holds.map((h: { reason: string; liftedAt: string | null }) => [h.reason, h.liftedAt === null])).toEqual([['Contentieux commercial n° 2026-114', false], ['Enquête fiscale', true]]);
    const events = await db().selectFrom('archive_events as e').innerJoin('archive_packages as p', 'p.id', 'e.package_id').select(['e.event_type', 'e.detail']).where('p.identifier', '=', pkg.identifier).where('e.event_type', 'in', ['policy assignment', 'deletion']).orderBy('e.id').execute();
    expect(events.map((e) => e.detail)).toEqual(['legal hold placed: Contentieux commercial n° 2026-114', 'legal hold lifted: Affaire close', 'legal hold placed: Enquête fiscale']);
  });
});

describe('disposition review and destruction', () => {
  it('destroys a due package the archivist proposed and the authority approved, leaving a residue and a certificate that verifies', async () => {
    const pkg = await archivedLicence(longAgo());
    const proposed = await salma.request('POST', '/api/archive/disposition/proposals', { packages: [pkg.identifier], reason: 'Durée de conservation échue, sans valeur historique' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);

    const approved = await mariam.request('POST', `/api/archive/disposition/proposals/${proposed.body.id}/decision`, { decision: 'approve', reason: 'Conforme au plan de classement' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', packages: [pkg.identifier], decidedBy: expect.stringContaining('Mariam Koné'), certificate: { id: expect.any(String), number: expect.stringMatching(/^ARCHIVES-/) } });

    // The bytes are gone from both roots, but for a content another live package also holds (the
    // same attachment filed with an earlier licence), which stays for it.
    const shared = new Set((await db().selectFrom('archive_files as f').innerJoin('archive_packages as p', 'p.id', 'f.package_id').select('f.sha256').where('p.state', '=', 'stored').where('f.sha256', 'in', pkg.files.map((f) => f.sha256)).execute()).map((r) => r.sha256));
    const own = pkg.files.filter((f) => !shared.has(f.sha256));
    expect(own.map((f) => f.path)).toEqual(expect.arrayContaining(['data/form.json', 'data/decision.json', 'metadata/dublin-core.xml']));
    for (const file of own) for (const root of roots()) await expect(readCopy(root, file.sha256)).rejects.toThrow(/ENOENT/);
    for (const file of pkg.files.filter((f) => shared.has(f.sha256))) for (const root of roots()) await expect(readCopy(root, file.sha256)).resolves.toBeInstanceOf(Buffer);

    // The residue: the package's description, its file list with hashes and sizes, its events.
    const residue = await salma.request('GET', `/api/archive/packages/${pkg.identifier}`);
    expect(residue.status).toBe(200);
    expect(residue.body).toMatchObject({ identifier: pkg.identifier, state: 'destroyed', retentionClass: 'commerce-licences-10y' });
    // Nothing of it is left to search: its indexed metadata went with it.
    const texts = await platform.database.db.selectFrom('archive_texts').innerJoin('archive_packages', 'archive_packages.id', 'archive_texts.package_id').select('archive_texts.page').where('archive_packages.identifier', '=', pkg.identifier).execute();
    expect(texts).toEqual([]);
    expect(residue.body.files.map((f: Package['files'][number]) => [f.path, f.sha256, f.size])).toEqual(pkg.files.map((f) => [f.path, f.sha256, f.size]));
    const copiesLeft = residue.body.files.filter((f: { copies: unknown[] }) => f.copies.length > 0).map((f: { sha256: string }) => f.sha256);
    expect(copiesLeft.every((sha: string) => shared.has(sha))).toBe(true);
    expect(residue.body.events.at(-1)).toMatchObject({ type: 'deletion', outcome: 'success', detail: expect.stringContaining(approved.body.certificate.number) });
    const retention = await salma.request('GET', `/api/archive/packages/${pkg.identifier}/retention`);
    expect(retention.body.disposition).toMatchObject({ state: 'approved', decidedBy: expect.stringContaining('Mariam Koné'), certificate: approved.body.certificate });

    // The certificate, held by the authority, verifies from its QR code.
    const file = await download(mariam, approved.body.certificate.id);
    expect(file.status).toBe(200);
    const verified = await moussa.request('POST', '/api/verify', { payload: await scanQr(file.pdf) });
    expect(verified.body).toMatchObject({ status: 'valid', document: { type: 'archive_destruction_certificate', issuer: { agencyCode: 'ARCHIVES' }, holder: { name: expect.stringContaining('Mariam Koné') } } });
    expect(verified.body.document.fields[0]).toMatchObject({ value: proposed.body.id });

    const audit = await db().selectFrom('audit_entries').select('action').where('record_id', '=', proposed.body.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['archive.disposition_proposed', 'archive.packages_destroyed']);
  });

  it('does not let the archivist who proposed a destruction approve it, even holding the authority role', async () => {
    const pkg = await archivedLicence(longAgo());
    const [commerce, salmaUser] = await Promise.all([
      db().selectFrom('agencies').select('id').where('code', '=', 'COMMERCE').executeTakeFirstOrThrow(),
      db().selectFrom('users').select('id').where('email', '=', 'salma.elidrissi@demo.guichet.test').executeTakeFirstOrThrow(),
    ]);
    await db().insertInto('role_grants').values({ user_id: salmaUser.id, role: 'agency_admin', agency_id: commerce.id }).execute();
    try {
      const both = await archivist(platform);
      const proposed = await both.request('POST', '/api/archive/disposition/proposals', { packages: [pkg.identifier], reason: 'Revue annuelle' });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      const own = await both.request('POST', `/api/archive/disposition/proposals/${proposed.body.id}/decision`, { decision: 'approve', reason: 'Moi-même' });
      expect(own.status).toBe(403);
      expect(own.body.error.code).toBe('archive_disposal_own_proposal');
      // Another authority may refuse it; the package stays, with both copies.
      const refused = await mariam.request('POST', `/api/archive/disposition/proposals/${proposed.body.id}/decision`, { decision: 'refuse', reason: 'Intérêt historique possible' });
      expect(refused.body).toMatchObject({ state: 'refused', decisionReason: 'Intérêt historique possible', certificate: null });
      expect((await copiesOf(pkg)).every((c) => c.status === 'fulfilled')).toBe(true);
    } finally {
      await db().deleteFrom('role_grants').where('user_id', '=', salmaUser.id).where('role', '=', 'agency_admin').execute();
    }
  });
});
