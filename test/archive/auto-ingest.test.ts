import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { definitionOf, signedIn, tinyPdf } from '../support/applications.ts';
import { ApiClient } from '../support/client.ts';
import { declarationOf, startCustomsApp } from '../support/customs.ts';
import { approvedFile, download, issued } from '../documents/support.ts';
import { archiveOf, archivist, fileAt, packageOf, readCopy, sha256 } from './storage-support.ts';

/**
 * Issue 8 item 2: closed files and declarations are archived from the outbox, each file hashed
 * and stored in both roots, once per record however often the event is delivered.
 */
let platform: TestApp;
let salma: ApiClient;
const db = () => platform.database.db;
const primary = () => path.join(platform.dataDir, 'archive', 'primary');
const replica = () => path.join(platform.dataDir, 'archive', 'replica');

beforeAll(async () => {
  platform = await startCustomsApp();
  salma = await archivist(platform);
});
afterAll(async () => {
  await platform?.close();
});

/** Every file's recorded SHA-256 is that of the bytes in each root. */
async function expectBothCopies(pkg: { files: { sha256: string; copies: { root: string; state: string }[] }[] }) {
  for (const file of pkg.files) {
    expect(file.copies.map((c) => [c.root, c.state])).toEqual([['primary', 'present'], ['replica', 'present']]);
    expect(sha256(await readCopy(primary(), file.sha256))).toBe(file.sha256);
    expect(sha256(await readCopy(replica(), file.sha256))).toBe(file.sha256);
  }
}

describe('automatic ingest from the outbox', () => {
  it('archives an approved file with its form, attachments, issued certificate, receipt, decision and audit excerpt, once', async () => {
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    const file = await approvedFile(platform.url, awa, 'apprenticeship-certificate');
    const certificate = await issued(awa, file.id, 'document');
    const pkg = await packageOf(salma, file.reference);

    expect(pkg).toMatchObject({ identifier: expect.stringMatching(/^KD-ARC-\d{4}-\d{6}$/), source: { type: 'application', id: file.id, reference: file.reference }, agency: 'COMMERCE', retentionClass: 'vocational-certificates-permanent', accessLevel: 'restricted', state: 'stored' });
    expect(pkg.files.map((f: { path: string; role: string }) => `${f.role} ${f.path}`)).toEqual([
      'attachment data/attachments/01-apprenticeship_contract.pdf',
      'attachment data/attachments/02-master_attestation.pdf',
      'attachment data/attachments/03-identity_document.pdf',
      expect.stringMatching(/^attachment data\/attachments\/04-photo\.(png|jpg)$/),
      'audit data/audit-trail.json',
      'decision data/decision.json',
      expect.stringMatching(/^document data\/documents\/.+\.pdf$/),
      expect.stringMatching(/^document data\/documents\/.+\.pdf$/),
      'form data/form.json',
      'metadata metadata/dublin-core.xml',
    ]);
    // The attachment is the applicant's upload, byte for byte; the certificate the PDF the applicant downloads.
    expect(fileAt(pkg, 'data/attachments/01-').sha256).toBe(sha256(tinyPdf('apprenticeship_contract')));
    const { pdf } = await download(awa, certificate.id);
    expect(fileAt(pkg, `data/documents/${certificate.number}`).sha256).toBe(sha256(pdf));
    await expectBothCopies(pkg);

    const json = async (prefix: string) => JSON.parse((await readCopy(primary(), fileAt(pkg, prefix).sha256)).toString('utf8'));
    const definition = await definitionOf(awa, 'apprenticeship-certificate');
    expect((await json('data/form.json')).data).toEqual(definition.form.example);
    expect(await json('data/decision.json')).toMatchObject({ outcome: 'approved', action: 'approve', decidedBy: { label: expect.any(String) } });
    const audit: { action: string; record: { id: string } }[] = await json('data/audit-trail.json');
    expect(audit.every((e) => e.record.id === file.id)).toBe(true);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['application.created', 'application.submitted', 'application.moved']));
    const dc = (await readCopy(primary(), fileAt(pkg, 'metadata/').sha256)).toString('utf8');
    expect(dc).toContain(`<dc:identifier>${pkg.identifier}</dc:identifier>`);
    expect(dc).toContain('<dc:title xml:lang="ar">شهادة نهاية التمهين</dc:title>');
    expect(dc).toContain(`<dc:source>application:${file.reference}</dc:source>`);

    const eventTypes = pkg.events.map((e: { type: string; outcome: string }) => `${e.type}/${e.outcome}`);
    expect(eventTypes.filter((t: string) => t === 'message digest calculation/success')).toHaveLength(10);
    expect(eventTypes.filter((t: string) => t === 'replication/success')).toHaveLength(10);
    expect(eventTypes.at(-1)).toBe('ingestion/success');
    const stored = await db().selectFrom('audit_entries').select(['action', 'details']).where('record_id', '=', (await db().selectFrom('archive_packages').select('id').where('identifier', '=', pkg.identifier).executeTakeFirstOrThrow()).id).execute();
    expect(stored).toEqual([{ action: 'archive.package_stored', details: expect.objectContaining({ identifier: pkg.identifier, files: 10, replicaFailures: 0 }) }]);

    // The event delivered again, and the service asked directly: still one package, the same files.
    const change = await db().selectFrom('outbox_events').select('payload').where('topic', '=', 'application.state_changed').where(sql`payload->>'applicationId'`, '=', file.id).where(sql`payload->>'outcome'`, '=', 'approved').executeTakeFirstOrThrow();
    await db().transaction().execute((trx) => platform.bus.emit(trx, 'application.state_changed', change.payload as never));
    await platform.bus.drain(db());
    expect(await archiveOf(platform).archiveApplication(file.id)).toEqual({ identifier: pkg.identifier, created: false });
    const packages = await db().selectFrom('archive_packages').select(['identifier']).where('source_id', '=', file.id).execute();
    expect(packages).toEqual([{ identifier: pkg.identifier }]);
    expect((await salma.request('GET', `/api/archive/packages/${pkg.identifier}`)).body.files).toHaveLength(10);
  });

  it('archives a rejected declaration under the customs retention class, and a released one with its release note', async () => {
    const broker = await signedIn(platform.url, 'ousmane.diop', 'en');
    const officer = await signedIn(platform.url, 'karim.benali', 'en');
    const cashier = await signedIn(platform.url, 'ibrahima.fall', 'en');
    const lodge = async () => {
      const lodged = await broker.request('POST', '/api/customs/declarations', declarationOf());
      expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
      return lodged.body as { id: string; reference: string; state: string };
    };

    const refused = await lodge();
    const rejected = await officer.request('POST', `/api/customs/declarations/${refused.reference}/reject`, { reason: 'Invoice does not match the goods' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const rejectedPackage = await packageOf(salma, refused.reference);
    expect(rejectedPackage).toMatchObject({ source: { type: 'customs_declaration', id: refused.id }, agency: 'CUSTOMS', retentionClass: 'customs-declarations-10y' });
    expect(rejectedPackage.files.map((f: { path: string }) => f.path)).toEqual(['data/audit-trail.json', 'data/decision.json', 'data/declaration.json', 'metadata/dublin-core.xml']);
    const decision = JSON.parse((await readCopy(primary(), fileAt(rejectedPackage, 'data/decision.json').sha256)).toString('utf8'));
    expect(decision).toMatchObject({ state: 'rejected', rejection: { reason: 'Invoice does not match the goods' } });
    await expectBothCopies(rejectedPackage);

    let cleared = await lodge();
    if (cleared.state !== 'assessed') {
      const inspected = await officer.request('POST', `/api/customs/declarations/${cleared.reference}/inspection`, { outcome: 'conform', findings: 'Goods as declared' });
      expect(inspected.body.state).toBe('assessed');
      cleared = inspected.body;
    }
    const paid = await cashier.request('POST', '/api/payments/counter', { declarationId: cleared.id, receipt: `DESK-${randomUUID().slice(0, 8)}` }, { 'idempotency-key': randomUUID() });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const releasedPackage = await packageOf(salma, cleared.reference);
    const note = await platform.documents.releaseNoteOfDeclaration(cleared.id);
    expect(note).not.toBeNull();
    expect(releasedPackage.files.map((f: { path: string }) => f.path)).toContain(`data/documents/${note?.number}.pdf`);
    expect(JSON.parse((await readCopy(primary(), fileAt(releasedPackage, 'data/decision.json').sha256)).toString('utf8'))).toMatchObject({ state: 'released', releaseNote: { number: note?.number } });
    await expectBothCopies(releasedPackage);
  });

  it("shows an agency's archivist the agency's packages only, all of them to the National Archives, and nothing to officers", async () => {
    const officer = await signedIn(platform.url, 'fatou.sow');
    expect((await officer.request('GET', '/api/archive/packages')).status).toBe(403);
    const admin = await signedIn(platform.url, 'admin');
    const commerce = await db().selectFrom('agencies').select('id').where('code', '=', 'COMMERCE').executeTakeFirstOrThrow();
    const created = await admin.request('POST', '/api/users', { email: 'archives@commerce.test', displayName: 'Archiviste Commerce', password: 'Archives-Commerce-2026', locale: 'fr', grants: [{ role: 'archivist', agencyId: commerce.id }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const agencyArchivist = new ApiClient(platform.url);
    expect((await agencyArchivist.login('archives@commerce.test', 'Archives-Commerce-2026')).status).toBe(200);

    const agenciesSeenBy = async (client: ApiClient) => new Set((await client.request('GET', '/api/archive/packages')).body.items.map((p: { agency: string }) => p.agency));
    expect(await agenciesSeenBy(salma)).toEqual(new Set(['COMMERCE', 'CUSTOMS']));
    expect(await agenciesSeenBy(admin)).toEqual(new Set(['COMMERCE', 'CUSTOMS']));
    expect(await agenciesSeenBy(agencyArchivist)).toEqual(new Set(['COMMERCE']));
    const customsPackage = (await salma.request('GET', '/api/archive/packages')).body.items.find((p: { agency: string }) => p.agency === 'CUSTOMS');
    expect((await agencyArchivist.request('GET', `/api/archive/packages/${customsPackage.identifier}`)).status).toBe(404);
    expect((await salma.request('GET', '/api/archive/packages/KD-ARC-1999-000001')).status).toBe(404);
    const malformed = await salma.request('GET', '/api/archive/packages/not-an-identifier');
    expect(malformed.status).toBe(400);
  });
});
