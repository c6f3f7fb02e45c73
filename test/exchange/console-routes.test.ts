import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import { ApiClient } from '../support/client.ts';
import { logMessages, outboxMessage } from '../support/exchange-traffic.ts';

let platform: TestApp;
let admin: ApiClient;
let auditor: ApiClient;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
  admin = await signedIn(platform.url, 'admin', 'en');
  auditor = await signedIn(platform.url, 'leila.haddad', 'en');
});
afterAll(async () => {
  await platform?.close();
});

const HOUR = 3_600_000;
const PEER = 'KD/EXT/PORT-COMMUNITY';
const SERVICE = 'KD/GOV/CUSTOMS/clearance/declaration-status/v1';

interface Summary {
  lastHour: Record<'in' | 'out', { total: number; ok: number; refused: number; failed: number; statuses: { status: string; outcome: string; count: number }[] }>;
  lastDay: Summary['lastHour'];
  outbox: { pending: number; refused: number; dead: number };
}

async function summary(): Promise<Summary> {
  const answer = await auditor.request<Summary>('GET', '/api/exchange/traffic/summary');
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('the exchange console', () => {
  it('is read by the platform administrator and the auditor, and by no one else', async () => {
    const applicant = await signedIn(platform.url, 'awa.ndiaye', 'en');
    const officer = await signedIn(platform.url, 'karim.benali', 'en');
    for (const path of ['/api/exchange/services', '/api/exchange/access-rights', '/api/exchange/keys', '/api/exchange/traffic', '/api/exchange/traffic/summary', '/api/exchange/outbox']) {
      expect((await admin.request('GET', path)).status, path).toBe(200);
      expect((await auditor.request('GET', path)).status, path).toBe(200);
      expect((await applicant.request('GET', path)).status, path).toBe(403);
      expect((await officer.request('GET', path)).status, path).toBe(403);
      expect((await new ApiClient(platform.url).request('GET', path)).status, path).toBe(401);
    }
  });

  it('shows each service with the clients granted it, every access right, and every key', async () => {
    const title = { fr: 'État d’une déclaration', ar: 'حالة التصريح', en: 'Declaration status' };
    const schema = { type: 'object', properties: { reference: { type: 'string' } } };
    const registered = await admin.request('POST', '/api/exchange/members/KD%2FGOV%2FCUSTOMS/services', { code: 'declaration-status', version: 'v1', title, requestSchema: schema, responseSchema: schema });
    expect(registered.status).toBe(201);
    const member = await admin.request('POST', '/api/exchange/members', { identifier: PEER, kind: 'external_system', names: { fr: 'Port', ar: 'الميناء', en: 'Port' } });
    expect(member.status).toBe(201);
    expect((await admin.request('POST', '/api/exchange/access-rights', { serviceId: registered.body.id, client: PEER })).status).toBe(201);
    const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    const key = await admin.request('POST', `/api/exchange/members/${member.body.id}/keys`, { jwk });
    expect(key.status).toBe(201);

    const services = (await auditor.request('GET', '/api/exchange/services')).body.items;
    expect(services).toContainEqual(expect.objectContaining({ id: registered.body.id, provider: 'KD/GOV/CUSTOMS', code: 'declaration-status', version: 'v1', title, requestSchema: schema, clients: [PEER] }));
    const rights = (await auditor.request('GET', '/api/exchange/access-rights')).body.items;
    expect(rights).toContainEqual(expect.objectContaining({ serviceId: registered.body.id, provider: 'KD/GOV/CUSTOMS', serviceCode: 'declaration-status', version: 'v1', client: PEER, grantedBy: expect.any(String) }));
    const keys = (await auditor.request('GET', '/api/exchange/keys')).body.items;
    expect(keys).toContainEqual(expect.objectContaining({ kid: key.body.kid, memberId: member.body.id, status: 'active' }));

    // A revoked key stays listed, with its reason: the console shows the history discovery leaves out.
    await admin.request('POST', `/api/exchange/members/${member.body.id}/keys/${key.body.kid}/revoke`, { reason: 'laptop stolen' });
    const after = (await auditor.request('GET', '/api/exchange/keys')).body.items;
    expect(after).toContainEqual(expect.objectContaining({ kid: key.body.kid, status: 'revoked', revocationReason: 'laptop stolen' }));
  });

  it('lists the message log newest first, by member and its subsystems, status and direction, page by page', async () => {
    const db = platform.database.db;
    await logMessages(db, [{ direction: 'in', kind: 'request', peer: PEER, service: SERVICE, status: 'access_denied' }], new Date(Date.now() - 2 * HOUR));
    await logMessages(db, [
      { direction: 'in', kind: 'request', peer: `${PEER}/gateway`, service: SERVICE, status: 'accepted' },
      { direction: 'out', kind: 'response', peer: `${PEER}/gateway`, service: SERVICE, status: '200' },
      { direction: 'in', kind: 'request', peer: PEER, service: SERVICE, status: 'bad_signature' },
      // A member whose identifier merely starts like the peer's is another member.
      { direction: 'in', kind: 'request', peer: `${PEER}2`, service: SERVICE, status: 'accepted' },
    ]);

    const all = await auditor.request('GET', `/api/exchange/traffic?peer=${encodeURIComponent(PEER)}`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((e: { status: string }) => e.status)).toEqual(['bad_signature', '200', 'accepted', 'access_denied']);
    expect(all.body.items[0]).toMatchObject({ direction: 'in', kind: 'request', peer: PEER, service: SERVICE, outcome: 'refused', messageId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(all.body.items[1]).toMatchObject({ outcome: 'ok', direction: 'out' });
    expect(all.body.nextBefore).toBeNull();
    const seqs: number[] = all.body.items.map((e: { seq: number }) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);

    const first = await auditor.request('GET', `/api/exchange/traffic?peer=${encodeURIComponent(PEER)}&limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextBefore).toBe(seqs[2]);
    const second = await auditor.request('GET', `/api/exchange/traffic?peer=${encodeURIComponent(PEER)}&limit=3&before=${first.body.nextBefore}`);
    expect(second.body).toEqual({ items: [all.body.items[3]], nextBefore: null });

    const refused = await auditor.request('GET', `/api/exchange/traffic?peer=${encodeURIComponent(PEER)}&status=bad_signature`);
    expect(refused.body.items).toHaveLength(1);
    const out = await auditor.request('GET', `/api/exchange/traffic?peer=${encodeURIComponent(`${PEER}/gateway`)}&direction=out`);
    expect(out.body.items.map((e: { status: string }) => e.status)).toEqual(['200']);
    const byProvider = await auditor.request('GET', `/api/exchange/traffic?service=${encodeURIComponent('KD/GOV/CUSTOMS/clearance')}&status=accepted`);
    expect(byProvider.body.items.map((e: { peer: string }) => e.peer)).toEqual([`${PEER}2`, `${PEER}/gateway`]);
    expect((await auditor.request('GET', '/api/exchange/traffic?direction=sideways')).status).toBe(400);
    expect((await auditor.request('GET', '/api/exchange/traffic?limit=1000')).status).toBe(400);
  });

  it('counts the last hour and the last day by direction and outcome, so failures show at a glance', async () => {
    const before = await summary();
    const db = platform.database.db;
    await logMessages(db, [{ direction: 'in', kind: 'request', peer: PEER, service: SERVICE, status: 'replayed_message' }], new Date(Date.now() - 3 * HOUR));
    await logMessages(db, [
      { direction: 'in', kind: 'request', peer: PEER, service: SERVICE, status: 'replayed_message' },
      { direction: 'in', kind: 'request', peer: PEER, service: SERVICE, status: 'accepted' },
      { direction: 'out', kind: 'response', peer: PEER, service: SERVICE, status: '503' },
    ]);
    // Older than a day: in neither window.
    await logMessages(db, [{ direction: 'in', kind: 'request', peer: PEER, service: SERVICE, status: 'replayed_message' }], new Date(Date.now() - 30 * HOUR));
    const after = await summary();

    expect(after.lastHour.in.refused - before.lastHour.in.refused).toBe(1);
    expect(after.lastDay.in.refused - before.lastDay.in.refused).toBe(2);
    expect(after.lastHour.in.ok - before.lastHour.in.ok).toBe(1);
    expect(after.lastHour.out.failed - before.lastHour.out.failed).toBe(1);
    expect(after.lastDay.in.total - before.lastDay.in.total).toBe(3);
    const count = (s: Summary, status: string) => s.lastDay.in.statuses.find((c) => c.status === status)?.count ?? 0;
    expect(count(after, 'replayed_message') - count(before, 'replayed_message')).toBe(2);
    expect(after.lastDay.in.statuses.find((c) => c.status === 'replayed_message')?.outcome).toBe('refused');
  });

  it('lists the outbox by status, newest first, and lets the platform administrator replay a dead message', async () => {
    const db = platform.database.db;
    const before = await summary();
    const call = { client: 'KD/GOV/CUSTOMS/clearance', provider: PEER, service: 'manifest', version: 'v2' };
    const older = await outboxMessage(db, { ...call, status: 'dead', attempts: 8, lastError: 'connect ECONNREFUSED 10.0.0.9:443', createdAt: new Date(Date.now() - HOUR) });
    // Message ids are UUIDv7: two made in the same millisecond would order at random, so the times differ.
    const dead = await outboxMessage(db, { ...call, status: 'dead', attempts: 8, lastError: 'the provider answered 503', createdAt: new Date(Date.now() - 2000) });
    const delivered = await outboxMessage(db, { ...call, status: 'delivered', attempts: 1, createdAt: new Date(Date.now() - 1000) });
    expect((await summary()).outbox.dead - before.outbox.dead).toBe(2);

    const letters = await auditor.request('GET', '/api/exchange/outbox?status=dead');
    expect(letters.status).toBe(200);
    expect(letters.body.items.map((m: { messageId: string }) => m.messageId)).toEqual([dead, older]);
    expect(letters.body.items[0]).toMatchObject({ client: call.client, provider: PEER, service: 'manifest', version: 'v2', status: 'dead', attempts: 8, lastError: 'the provider answered 503', deliveredAt: null });
    expect(letters.body.items[0]).not.toHaveProperty('body');
    const everything = await auditor.request('GET', '/api/exchange/outbox?limit=2');
    expect(everything.body).toMatchObject({ items: [{ messageId: delivered, status: 'delivered' }, { messageId: dead }], nextBefore: dead });
    const rest = await auditor.request('GET', `/api/exchange/outbox?limit=2&before=${dead}`);
    expect(rest.body.items.map((m: { messageId: string }) => m.messageId)).toEqual([older]);

    // Replaying changes something: the administrator's alone.
    expect((await auditor.request('POST', `/api/exchange/outbox/${dead}/replay`)).status).toBe(403);
    expect((await admin.request('POST', '/api/exchange/outbox/not-a-message/replay')).status).toBe(400);
    expect((await admin.request('POST', `/api/exchange/outbox/${delivered}/replay`)).status).toBe(409);
    const replayed = await admin.request('POST', `/api/exchange/outbox/${dead}/replay`);
    expect(replayed.status).toBe(204);
    const row = await db.selectFrom('exchange_outbox').select(['status']).where('message_id', '=', dead).executeTakeFirstOrThrow();
    expect(row.status).not.toBe('dead');
    const audit = await auditor.request('GET', '/api/audit/entries?action=event.dead_letter_replayed');
    expect(audit.body.items).toContainEqual(expect.objectContaining({ details: expect.objectContaining({ subscriber: 'exchange.deliver' }) }));
    expect((await admin.request('POST', `/api/exchange/outbox/${dead}/replay`)).status).toBe(409);
  });
});
