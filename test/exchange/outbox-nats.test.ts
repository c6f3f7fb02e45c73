import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/audit/record.ts';
import { grantAccess, registerMember, registerService } from '../../src/modules/exchange/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startNatsServer, type NatsServer } from '../support/nats-server.ts';

/**
 * The outbox over NATS JetStream, inside one instance: a message waits while NATS is unreachable and
 * leaves once it is back (never by HTTP instead); a message stored by JetStream but never answered
 * is sent again, then dead, then replayed by an operator.
 */
let nats: NatsServer;
let platform: TestApp;
const context = systemContext('outbox over NATS test');
const COMMERCE = 'KD/GOV/COMMERCE';
const received: unknown[] = [];

async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const outboxRow = (messageId: string) => platform.database.db.selectFrom('exchange_outbox').select(['status', 'attempts', 'last_error']).where('message_id', '=', messageId).executeTakeFirstOrThrow();

beforeAll(async () => {
  nats = await startNatsServer();
  await nats.stop();
  // NATS is down when the platform starts: start must not fail, and nothing may leave by HTTP meanwhile.
  platform = await startTestApp({ NATS_URL: nats.url, EXCHANGE_REPLY_TIMEOUT_SECONDS: '5', EXCHANGE_MAX_ATTEMPTS: '3', EXCHANGE_RETRY_BASE_MS: '4000', EXCHANGE_RETRY_CAP_MS: '8000' }, process.env.DATABASE_URL);
  const db = platform.database.db;
  const commerce = (await db.selectFrom('exchange_members').select('id').where('identifier', '=', COMMERCE).executeTakeFirstOrThrow()).id;
  const schemas = {
    title: { fr: 'Avis', ar: 'إشعار', en: 'Notice' },
    requestSchema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
    responseSchema: { type: 'object', required: ['noted'], properties: { noted: { type: 'boolean' } } },
  };
  const notice = await registerService(db, context, commerce, { code: 'notice', version: 'v1', ...schemas });
  await grantAccess(db, context, { serviceId: notice.id, client: 'KD/GOV/CUSTOMS' });
  // A member of an instance nobody consumes for: JetStream stores its messages, no answer ever comes.
  const silent = await registerMember(db, context, { identifier: 'KZ/GOV/SILENT', kind: 'external_system', names: { fr: 'Muet', ar: 'صامت', en: 'Silent' }, endpoint: 'http://127.0.0.1:9' });
  await registerService(db, context, silent.id, { code: 'notice', version: 'v1', ...schemas });
  platform.exchange.provide(COMMERCE, 'notice', 'v1', async ({ body }) => {
    received.push(body);
    return { noted: true };
  });
  platform.exchange.invalidateRegistry();
}, 60_000);
afterAll(async () => {
  await platform?.close();
  await nats?.destroy();
});

const send = (provider: string, n: number) =>
  platform.database.db.transaction().execute((trx) => platform.exchange.send(trx, { client: 'KD/GOV/CUSTOMS', provider, service: 'notice', version: 'v1', body: { n } }));

describe('the outbox over NATS JetStream', () => {
  it('keeps a message while NATS is down, and delivers it over NATS once it is back', async () => {
    const messageId = await send(COMMERCE, 1);
    const waiting = await waitFor('a failed attempt', () => outboxRow(messageId), (row) => row.attempts >= 1);
    expect(waiting.status).toBe('pending');
    expect(waiting.last_error).toContain('not connected to NATS');
    expect(received).toHaveLength(0);
    await nats.start();
    const delivered = await waitFor('delivery after NATS came back', () => outboxRow(messageId), (row) => row.status !== 'pending');
    expect(delivered.status).toBe('delivered');
    expect(received).toEqual([{ n: 1 }]);
    const log = await platform.database.db.selectFrom('exchange_message_log').select(['direction', 'kind', 'status']).where('message_id', '=', messageId).orderBy('seq').execute();
    expect(log.map((e) => `${e.direction} ${e.kind} ${e.status}`)).toEqual(expect.arrayContaining(['in request accepted', 'out request 200']));
  }, 60_000);

  it('sends an unanswered message again, makes it dead when its attempts are spent, and lets an operator replay it', async () => {
    const messageId = await send('KZ/GOV/SILENT', 2);
    await waitFor('stored by JetStream', () => outboxRow(messageId), (row) => row.attempts >= 1);
    const dead = await waitFor('dead after its attempts', () => outboxRow(messageId), (row) => row.status === 'dead', 60_000);
    expect(dead.attempts).toBe(3);
    expect(dead.last_error).toContain('no answer');
    await platform.exchange.replayDeadLetter(context, messageId);
    const replayed = await outboxRow(messageId);
    expect(replayed.status).toBe('pending');
    const audit = await platform.database.db.selectFrom('audit_entries').select('action').where('record_id', '=', messageId).execute();
    expect(audit.map((a) => a.action)).toContain('exchange.message_replayed');
    await waitFor('published again', () => outboxRow(messageId), (row) => row.attempts >= 1);
  }, 90_000);
});
