import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/audit/record.ts';
import { grantAccess, registerService } from '../../src/modules/exchange/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';

/**
 * Asynchronous messages and the agencies' sending API: a customs officer (standing for the customs
 * information system) messages the Ministry of Commerce; the outbox delivers once, the inbox takes once.
 */
let platform: TestApp;
const context = systemContext('outbox test');
const COMMERCE = 'KD/GOV/COMMERCE';
const received: { body: unknown; client: string; case: string | null }[] = [];

beforeAll(async () => {
  platform = await startTestApp({ EXCHANGE_MAX_ATTEMPTS: '2' }, process.env.DATABASE_URL);
  const db = platform.database.db;
  const commerce = (await db.selectFrom('exchange_members').select('id').where('identifier', '=', COMMERCE).executeTakeFirstOrThrow()).id;
  const service = await registerService(db, context, commerce, {
    code: 'licence-notice',
    version: 'v1',
    title: { fr: 'Avis de licence', ar: 'إشعار رخصة', en: 'Licence notice' },
    requestSchema: { type: 'object', required: ['licence'], properties: { licence: { type: 'string' } } },
    responseSchema: { type: 'object', required: ['noted'], properties: { noted: { type: 'boolean' } } },
  });
  await grantAccess(db, context, { serviceId: service.id, client: 'KD/GOV/CUSTOMS' });
  platform.exchange.provide(COMMERCE, 'licence-notice', 'v1', async ({ body, client, case: caseRef }) => {
    received.push({ body, client, case: caseRef });
    return { noted: true };
  });
  platform.exchange.invalidateRegistry();
});
afterAll(async () => {
  await platform?.close();
});

const message = (licence: string, delivery: 'sync' | 'async') => ({
  client: 'KD/GOV/CUSTOMS/clearance',
  provider: COMMERCE,
  service: 'licence-notice',
  version: 'v1',
  body: { licence },
  case: 'KD-2026-000777',
  delivery,
});

describe('sending as one’s agency', () => {
  it('queues an asynchronous message, audited, delivered exactly once', async () => {
    const officer = await signedIn(platform.url, 'karim.benali', 'en');
    const before = received.length;
    const queued = await officer.request('POST', '/api/exchange/messages', message('LIC-2026-0100', 'async'));
    expect(queued.status).toBe(202);
    const { messageId } = queued.body as { messageId: string };
    // The bus's own poller may hold the delivery, so drain alone can return before it is done: wait for the row.
    const deadline = Date.now() + 10_000;
    for (;;) {
      await platform.bus.drain(platform.database.db);
      const { status } = await platform.database.db.selectFrom('exchange_outbox').select('status').where('message_id', '=', messageId).executeTakeFirstOrThrow();
      if (status !== 'pending' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(received.length - before).toBe(1);
    expect(received.at(-1)).toEqual({ body: { licence: 'LIC-2026-0100' }, client: 'KD/GOV/CUSTOMS/clearance', case: 'KD-2026-000777' });
    const row = await platform.database.db.selectFrom('exchange_outbox').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, response_status: 200, response_body: { noted: true } });
    const audit = await platform.database.db.selectFrom('audit_entries').select('action').where('record_id', '=', messageId).execute();
    expect(audit.map((a) => a.action)).toEqual(['exchange.message_queued']);
    const inbox = await platform.database.db.selectFrom('exchange_inbox').select('message_id').where('message_id', '=', messageId).execute();
    expect(inbox).toHaveLength(1);
  });

  it('answers a synchronous call with the provider’s answer', async () => {
    const officer = await signedIn(platform.url, 'karim.benali', 'en');
    const answer = await officer.request('POST', '/api/exchange/messages', message('LIC-2026-0101', 'sync'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 200, body: { noted: true } });
  });

  it('refuses to send as another agency, and to anyone without the permission', async () => {
    const commerceOfficer = await signedIn(platform.url, 'fatou.sow', 'en');
    const refused = await commerceOfficer.request('POST', '/api/exchange/messages', message('LIC-2026-0102', 'async'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('exchange_client_not_yours');
    expect(refused.body.error.message).toContain('KD/GOV/CUSTOMS/clearance');
    const applicant = await signedIn(platform.url, 'awa.ndiaye', 'en');
    expect((await applicant.request('POST', '/api/exchange/messages', message('LIC-2026-0103', 'async'))).status).toBe(403);
    const outbox = await platform.database.db.selectFrom('exchange_outbox').select('message_id').execute();
    expect(outbox).toHaveLength(1);
  });

  it('turns the provider’s refusal into a 502 naming its code', async () => {
    const officer = await signedIn(platform.url, 'karim.benali', 'fr');
    const answer = await officer.request('POST', '/api/exchange/messages', { ...message('x', 'sync'), body: { licence: 42 } });
    expect(answer.status).toBe(502);
    expect(answer.body.error).toMatchObject({ code: 'exchange_refused', details: { code: 'schema_mismatch', status: 422 } });
    expect(answer.body.error.message).toContain('a refusé');
  });

  it('refuses to send as a member not served here', async () => {
    const admin = await signedIn(platform.url, 'mariam.kone', 'en');
    const answer = await admin.request('POST', '/api/exchange/messages', { ...message('LIC-2026-0104', 'async'), client: 'KD/EXT/NOBODY' });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('not_served_here');
  });
});
