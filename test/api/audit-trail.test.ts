import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';

let platform: TestApp;
let auditor: ApiClient;
beforeAll(async () => {
  platform = await startTestApp();
  auditor = new ApiClient(platform.url);
  await auditor.login(demoEmail('leila.haddad'));
});
afterAll(async () => platform?.close());

describe('the audit trail', () => {
  it('records a change with who, what, which record, digests and the request id, in one transaction', async () => {
    const applicant = new ApiClient(platform.url);
    await applicant.login(demoEmail('awa.ndiaye'));
    const change = await applicant.request('PATCH', '/api/me', { locale: 'en' }, { 'x-request-id': 'locale-change-1' });
    expect(change.status).toBe(200);
    const found = await auditor.request('GET', '/api/audit/entries?requestId=locale-change-1');
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      action: 'user.locale_changed',
      actor: { type: 'user', id: change.body.id },
      record: { type: 'user', id: change.body.id },
      requestId: 'locale-change-1',
      beforeDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      afterDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('lets auditors search by action and page newest first', async () => {
    const page1 = await auditor.request('GET', '/api/audit/entries?action=user.created&limit=3');
    expect(page1.body.items).toHaveLength(3);
    const seqs = page1.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const page2 = await auditor.request('GET', `/api/audit/entries?action=user.created&limit=3&before=${seqs[2]}`);
    expect(page2.body.items[0].seq).toBeLessThan(seqs[2]);
    const bad = await auditor.request('GET', '/api/audit/entries?limit=100000');
    expect(bad.status).toBe(400);
  });

  it('verifies intact, then names the entry a database administrator altered', async () => {
    const intact = await auditor.request('GET', '/api/audit/verify');
    expect(intact.body).toMatchObject({ ok: true });
    const { db } = platform.database;
    await sql`update audit_entries set actor_label = 'someone else' where seq = 3`.execute(db);
    const verdict = await verifyAuditChain(db);
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toMatchObject({ kind: 'altered', seq: 3 });
    await sql`update audit_entries set actor_label = 'demo seed' where seq = 3`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('names an entry deleted from the database', async () => {
    const { db } = platform.database;
    const saved = await db.selectFrom('audit_entries').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_entries').where('seq', '=', 4).execute();
    const verdict = await auditor.request('GET', '/api/audit/verify');
    expect(verdict.body.ok).toBe(false);
    expect(verdict.body.problem).toMatchObject({ kind: 'missing', seq: 4 });
    await sql`insert into audit_entries select * from json_populate_record(null::audit_entries, ${JSON.stringify(saved)}::json)`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('keeps the chain intact under concurrent audited writes', async () => {
    const clients = await Promise.all(['awa.ndiaye', 'moussa.traore', 'fatou.sow', 'karim.benali'].map(async (name) => {
      const client = new ApiClient(platform.url);
      await client.login(demoEmail(name));
      return client;
    }));
    await Promise.all(clients.flatMap((client) => ['ar', 'en', 'fr', 'ar'].map((locale) => client.request('PATCH', '/api/me', { locale }))));
    const verdict = await verifyAuditChain(platform.database.db);
    expect(verdict.ok).toBe(true);
  });
});
