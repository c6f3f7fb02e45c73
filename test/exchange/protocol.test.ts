import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/audit/record.ts';
import { addMemberKey, endMemberKey, grantAccess, registerMember, registerService } from '../../src/modules/exchange/index.ts';
import { verifyMessageLog } from '../../src/modules/exchange/message-log.ts';
import { memberKid } from '../../src/modules/exchange/members-keys.ts';
import { newMessageId } from '../../src/modules/exchange/message-id.ts';
import { signRequest, verifyResponse } from '../../src/modules/exchange/signing.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

/**
 * The exchange protocol end to end over real HTTP: a broker's system (an outside member holding
 * its own key) calls the Ministry of Commerce's licence service served by this Guichet.
 */
let platform: TestApp;
const context = systemContext('protocol test');
const BROKER = 'KD/EXT/BROKER-7';
const STRANGER = 'KD/EXT/STRANGER';
const COMMERCE = 'KD/GOV/COMMERCE';
let brokerKey: { privateKey: KeyObject; kid: string };
let strangerKey: { privateKey: KeyObject; kid: string };
const calls: unknown[] = [];

const schemas = {
  title: { fr: 'Vérifier une licence', ar: 'التحقق من رخصة', en: 'Check a licence' },
  requestSchema: { type: 'object', required: ['licence'], additionalProperties: false, properties: { licence: { type: 'string', pattern: '^LIC-[0-9]{4}-[0-9]{4}$' } } },
  responseSchema: { type: 'object', required: ['licence', 'valid'], properties: { licence: { type: 'string' }, valid: { type: 'boolean' } } },
};

async function outsideMember(identifier: string) {
  const member = await registerMember(platform.database.db, context, { identifier, kind: 'external_system', names: { fr: identifier, ar: identifier, en: identifier } });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  await addMemberKey(platform.database.db, context, member.id, jwk);
  return { member, privateKey, kid: memberKid({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! }) };
}

beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
  const db = platform.database.db;
  const commerce = (await db.selectFrom('exchange_members').select('id').where('identifier', '=', COMMERCE).executeTakeFirstOrThrow()).id;
  const service = await registerService(db, context, commerce, { code: 'check-licence', version: 'v1', ...schemas });
  await registerService(db, context, commerce, { code: 'record-licence-use', version: 'v1', ...schemas });
  const broker = await outsideMember(BROKER);
  brokerKey = broker;
  strangerKey = await outsideMember(STRANGER);
  await grantAccess(db, context, { serviceId: service.id, client: BROKER });
  const uses = await db.selectFrom('exchange_services').select('id').where('code', '=', 'record-licence-use').executeTakeFirstOrThrow();
  await grantAccess(db, context, { serviceId: uses.id, client: BROKER });
  await grantAccess(db, context, { serviceId: service.id, client: 'KD/GOV/CUSTOMS' });
  platform.exchange.provideQuery(COMMERCE, 'check-licence', 'v1', async ({ body }) => {
    const { licence } = body as { licence: string };
    return { licence, valid: licence.endsWith('0042') };
  });
  platform.exchange.provide(COMMERCE, 'record-licence-use', 'v1', async ({ body, trx, messageId }) => {
    calls.push(body);
    await trx.selectFrom('exchange_inbox').select('message_id').where('message_id', '=', messageId).executeTakeFirstOrThrow();
    return { licence: (body as { licence: string }).licence, valid: true };
  });
  platform.exchange.invalidateRegistry();
});
afterAll(async () => {
  await platform?.close();
});

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  json: { error?: { code: string; message: string } } & Record<string, unknown>;
}

function signed(options: { client?: string; key?: { privateKey: KeyObject; kid: string }; service?: string; body?: string; messageId?: string; at?: Date } = {}) {
  const request = {
    method: 'POST',
    targetUri: `${platform.url}/exchange/${COMMERCE}/${options.service ?? 'check-licence'}/v1`,
    headers: { 'content-type': 'application/json', 'guichet-message-id': options.messageId ?? newMessageId(), 'guichet-client': options.client ?? `${BROKER}/customs-desk` },
    body: Buffer.from(options.body ?? JSON.stringify({ licence: 'LIC-2026-0042' })),
  };
  const key = options.key ?? brokerKey;
  return { ...request, headers: signRequest(request, { keyId: key.kid, privateKey: key.privateKey }, options.at) };
}

async function send(request: ReturnType<typeof signed>, tamper: (headers: Record<string, string>, body: Buffer) => Buffer = (_h, b) => b): Promise<Sent> {
  const headers = { ...request.headers };
  const body = tamper(headers, request.body);
  const response = await fetch(request.targetUri, { method: 'POST', headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: Object.fromEntries(response.headers), body: bytes, json: JSON.parse(bytes.toString('utf8')) };
}

async function logStatuses(messageId: string) {
  return (await platform.database.db.selectFrom('exchange_message_log').select(['direction', 'kind', 'status']).where('message_id', '=', messageId).orderBy('seq').execute()).map((r) => `${r.direction} ${r.kind} ${r.status}`);
}

async function inboxCount() {
  return Number((await platform.database.db.selectFrom('exchange_inbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describe('a signed call over HTTP', () => {
  it('is answered with a response signed by the provider and bound to the request, both logged', async () => {
    const request = signed();
    const answer = await send(request);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ licence: 'LIC-2026-0042', valid: true });
    const commerceKey = await platform.database.db
      .selectFrom('exchange_member_keys as k')
      .innerJoin('exchange_members as m', 'm.id', 'k.member_id')
      .select(['k.kid', 'k.public_jwk'])
      .where('m.identifier', '=', COMMERCE)
      .executeTakeFirstOrThrow();
    const { createPublicKey } = await import('node:crypto');
    const verified = await verifyResponse({ status: answer.status, headers: answer.headers, body: answer.body }, request, {
      lookupKey: (kid) => (kid === commerceKey.kid ? createPublicKey({ key: { ...commerceKey.public_jwk }, format: 'jwk' }) : undefined),
    });
    expect(verified.ok).toBe(true);
    // Shown as the answer to another request, it no longer verifies.
    const other = signed();
    const rebound = await verifyResponse({ status: answer.status, headers: answer.headers, body: answer.body }, other, {
      lookupKey: () => createPublicKey({ key: { ...commerceKey.public_jwk }, format: 'jwk' }),
    });
    expect(rebound.ok).toBe(false);
    expect(await logStatuses(request.headers['guichet-message-id']!)).toEqual(['in request accepted']);
    const responseId = answer.headers['guichet-message-id']!;
    expect(await logStatuses(responseId)).toEqual(['out response 200']);
  });

  it('takes a retried message once: the same id signed again gets the first answer, and the effect happens once', async () => {
    const messageId = newMessageId();
    const before = calls.length;
    const first = await send(signed({ service: 'record-licence-use', messageId }));
    const retry = await send(signed({ service: 'record-licence-use', messageId, at: new Date(Date.now() + 2000) }));
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(calls.length - before).toBe(1);
    expect(await logStatuses(messageId)).toEqual(['in request accepted', 'in request retry']);
  });
});

describe('refusals over HTTP: each with its own code, logged, with no effect', () => {
  const cases: [string, number, string, () => Promise<Sent>][] = [
    ['an unknown member', 401, 'unknown_member', () => send(signed({ client: 'KD/EXT/NOBODY' }))],
    ['a key that is not the caller’s', 401, 'unknown_key', () => send(signed({ key: strangerKey }))],
    ['a bad signature', 401, 'bad_signature', () => send(signed(), (headers) => {
      headers.signature = headers.signature!.replace(/:([A-Za-z0-9+/])/, (_m, c: string) => `:${c === 'A' ? 'B' : 'A'}`);
      return Buffer.from(JSON.stringify({ licence: 'LIC-2026-0042' }));
    })],
    ['an expired timestamp', 401, 'expired_timestamp', () => send(signed({ at: new Date(Date.now() - 10 * 60_000) }))],
    ['a body that is not the one signed', 400, 'digest_mismatch', () => send(signed(), () => Buffer.from(JSON.stringify({ licence: 'LIC-2026-9999' })))],
    ['a covered header missing', 400, 'missing_component', () => send(signed(), (headers, body) => {
      delete headers['content-digest'];
      return body;
    })],
    ['no right to the service', 403, 'access_denied', () => send(signed({ client: STRANGER, key: strangerKey }))],
    ['a body not matching the schema', 422, 'schema_mismatch', () => send(signed({ body: JSON.stringify({ licence: 'not a licence' }) }))],
    ['an unknown service', 404, 'unknown_service', () => send(signed({ service: 'no-such-service' }))],
  ];
  for (const [what, status, code, attempt] of cases) {
    it(`refuses ${what} (${code})`, async () => {
      const inboxBefore = await inboxCount();
      const answer = await attempt();
      expect(answer.status).toBe(status);
      expect(answer.json.error?.code).toBe(code);
      expect(answer.json.error?.message.length).toBeGreaterThan(5);
      expect(await inboxCount()).toBe(inboxBefore);
      const logged = await platform.database.db.selectFrom('exchange_message_log').select('status').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(logged.status).toBe(code);
    });
  }

  it('refuses a replayed message id (replayed_message), and the effect stays single', async () => {
    const request = signed({ service: 'record-licence-use' });
    const before = calls.length;
    expect((await send(request)).status).toBe(200);
    const replay = await send(request);
    expect(replay.status).toBe(409);
    expect(replay.json.error?.code).toBe('replayed_message');
    expect(calls.length - before).toBe(1);
  });

  it('answers the carrier’s own copy of a message delivered again (NATS after a lost ack) as a retry, not a replay', async () => {
    const request = signed({ service: 'record-licence-use' });
    const before = calls.length;
    const first = await send(request);
    const again = await platform.exchange.receive(request, { redelivered: true });
    expect(again.status).toBe(200);
    expect(JSON.parse(Buffer.from(again.body).toString('utf8'))).toEqual(first.json);
    expect(calls.length - before).toBe(1);
    expect(await logStatuses(request.headers['guichet-message-id']!)).toEqual(['in request accepted', 'in request retry']);
  });

  it('refuses a revoked key at once (unknown_key)', async () => {
    const db = platform.database.db;
    const member = await db.selectFrom('exchange_members').select('id').where('identifier', '=', BROKER).executeTakeFirstOrThrow();
    const spare = await outsideMemberKey(member.id);
    expect((await send(signed({ key: spare }))).status).toBe(200);
    await endMemberKey(db, context, member.id, spare.kid, { revoke: true, reason: 'laptop stolen' });
    platform.exchange.invalidateRegistry();
    const refused = await send(signed({ key: spare }));
    expect(refused.status).toBe(401);
    expect(refused.json.error?.code).toBe('unknown_key');
  });
});

async function outsideMemberKey(memberId: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  await addMemberKey(platform.database.db, context, memberId, jwk);
  platform.exchange.invalidateRegistry();
  return { privateKey, kid: memberKid({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! }) };
}

describe('calls between members of this instance', () => {
  it('signs as the calling agency with its own key, and verifies the answer', async () => {
    const answer = await platform.exchange.call({ client: 'KD/GOV/CUSTOMS/clearance', provider: COMMERCE, service: 'check-licence', version: 'v1', body: { licence: 'LIC-2026-0001' }, case: 'KD-2026-000123' });
    expect(answer).toMatchObject({ status: 200, body: { licence: 'LIC-2026-0001', valid: false } });
    // In process, the provider's side commits first.
    expect(await logStatuses(answer.messageId)).toEqual(['in request accepted', 'out request 200']);
    const keys = await platform.database.db.selectFrom('exchange_local_keys as l').innerJoin('exchange_members as m', 'm.id', 'l.member_id').select('m.identifier').execute();
    // Every agency got its key when the exchange started, so partners know it before its first message.
    expect(keys.map((k) => k.identifier)).toEqual(expect.arrayContaining([COMMERCE, 'KD/GOV/CUSTOMS', 'KD/GOV/HEALTH']));
    expect(keys.some((k) => k.identifier.startsWith('KD/EXT/'))).toBe(false);
    const verdict = await verifyMessageLog(platform.database.db);
    expect(verdict.ok).toBe(true);
  });

  it('refuses a call the caller has no right to, with the provider’s code', async () => {
    await expect(platform.exchange.call({ client: 'KD/GOV/HEALTH', provider: COMMERCE, service: 'check-licence', version: 'v1', body: { licence: 'LIC-2026-0001' } })).rejects.toMatchObject({ code: 'access_denied', status: 403 });
  });
});
