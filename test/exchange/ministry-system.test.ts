import { generateKeyPairSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_CERTIFICATE, MINISTRY_SYSTEM, RECORD_CERTIFICATE } from '../../src/demo/ministry-system/contract.ts';
import type { PhytosanitaryCertificate } from '../../src/demo/ministry-system/certificates.ts';
import { startMinistryProcess, type MinistryProcess } from '../../src/demo/ministry-system/process.ts';
import { ensureMinistrySystem } from '../../src/demo/ministry-system/registration.ts';
import { addMemberKey, findMember, keyOf, memberKid } from '../../src/modules/exchange/index.ts';
import type { LogEntry } from '../../src/modules/exchange/log-chain.ts';
import { newMessageId } from '../../src/modules/exchange/message-id.ts';
import type { RequestDescription } from '../../src/modules/exchange/signing-base.ts';
import { signRequest, verifyResponse, type Signer } from '../../src/modules/exchange/signing.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';

/**
 * The Ministry of Agriculture's own certificate register, a separate process holding its own key,
 * data and message log, joined to a real Guichet as the member KD/GOV/AGRICULTURE/phytosanitary:
 * it trusts whom Guichet's public discovery says, and nobody else.
 */
const MAIN = path.resolve(import.meta.dirname, '../../src/demo/ministry-system/main.ts');
const CUSTOMS = 'KD/GOV/CUSTOMS';
const context = systemContext('ministry system test');
const DISCOVERY_TTL_MS = 200;

let platform: TestApp;
let admin: ApiClient;
let ministry: MinistryProcess;
let dir: string;
let dataDir: string;
let keyFile: string;
let customs: Signer;
let commerce: Signer;
let certificates: PhytosanitaryCertificate[];

async function memberSigner(identifier: string): Promise<Signer> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  await addMemberKey(platform.database.db, context, identifier, jwk);
  return { keyId: memberKid({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! }), privateKey };
}

beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
  admin = await signedIn(platform.url, 'admin', 'en');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-ministry-'));
  dataDir = path.join(dir, 'data');
  keyFile = path.join(dir, 'keys', 'phytosanitary.pem');
  ministry = await startMinistryProcess({ guichetUrl: platform.url, dataDir, keyFile, port: 0, env: { MINISTRY_DISCOVERY_TTL_MS: String(DISCOVERY_TTL_MS) } });
  await ensureMinistrySystem(platform.database.db, context, { publicJwk: ministry.publicJwk, endpoint: ministry.url });
  customs = await memberSigner(CUSTOMS);
  commerce = await memberSigner('KD/GOV/COMMERCE');
  platform.exchange.invalidateRegistry();
  certificates = (JSON.parse(fs.readFileSync(path.join(dataDir, 'certificates.json'), 'utf8')) as { certificates: PhytosanitaryCertificate[] }).certificates;
});
afterAll(async () => {
  await ministry?.stop();
  await platform?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const certificate = (hsCode: string) => certificates.find((c) => c.hsCode === hsCode)!;
const serviceUrl = (version = 'v1') => `${ministry.url}/exchange/${MINISTRY_SYSTEM}/check-certificate/${version}`;

interface CallOptions {
  client?: string;
  signer?: Signer;
  messageId?: string;
  at?: Date;
  version?: string;
}

function signed(body: unknown, options: CallOptions = {}): RequestDescription & { headers: Record<string, string>; body: string } {
  const request = {
    method: 'POST',
    targetUri: serviceUrl(options.version),
    headers: { 'content-type': 'application/json', 'guichet-message-id': options.messageId ?? newMessageId(), 'guichet-client': options.client ?? CUSTOMS },
    body: JSON.stringify(body),
  };
  return { ...request, headers: signRequest(request, options.signer ?? customs, options.at) };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: { error?: { code: string; message: string } } & Record<string, unknown>;
}

async function send(request: { targetUri: string; headers: Record<string, string>; body: string }): Promise<Answer> {
  const response = await fetch(request.targetUri, { method: 'POST', headers: request.headers, body: request.body });
  const text = await response.text();
  return { status: response.status, headers: Object.fromEntries(response.headers), text, json: JSON.parse(text) };
}

/** The register's signature on an answer, checked with the key Guichet's registry holds for it. */
async function verifiedByMinistry(answer: Answer, request: RequestDescription) {
  return verifyResponse({ status: answer.status, headers: answer.headers, body: answer.text }, request, {
    lookupKey: async (kid) => {
      const key = await keyOf(platform.database.db, kid);
      return key?.status === 'active' && key.member.identifier === MINISTRY_SYSTEM ? key.publicKey : undefined;
    },
  });
}

const ministryLog = (): LogEntry[] =>
  fs
    .readFileSync(path.join(dataDir, 'message-log.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogEntry);

const verifyLog = (directory: string) => spawnSync(process.execPath, [MAIN, '--verify-log'], { env: { ...process.env, MINISTRY_DATA_DIR: directory }, encoding: 'utf8', timeout: 30_000 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the ministry register as a member of the exchange', () => {
  it('runs apart, with its own key file readable by it alone, and says so on /healthz', async () => {
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const health = await fetch(`${ministry.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', member: MINISTRY_SYSTEM, certificates: certificates.length });
    const member = await admin.request('GET', `/api/exchange/members/${encodeURIComponent(MINISTRY_SYSTEM)}`);
    expect(member.body).toMatchObject({
      member: { identifier: MINISTRY_SYSTEM, kind: 'external_system', endpoint: ministry.url, status: 'active' },
      keys: [{ kid: memberKid(ministry.publicJwk), status: 'active' }],
      services: [
        { code: 'check-certificate', version: 'v1', requestSchema: CHECK_CERTIFICATE.requestSchema },
        { code: 'record-certificate', version: 'v1', requestSchema: RECORD_CERTIFICATE.requestSchema },
      ],
    });
  });

  it('answers Customs with a response signed by its key and bound to the request', async () => {
    const rice = certificate('100630');
    const request = signed({ certificateNumber: rice.number, hsCode: '10063010' });
    const answer = await send(request);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ certificateNumber: rice.number, found: true, status: 'valid', exporter: 'Siam Rice Export Co., Ltd.', consigneeTaxId: 'KD-2019-004512', hsCode: '100630', expiresOn: rice.expiresOn, matchesHsCode: true });
    expect(new Ajv2020({ strict: false }).validate(CHECK_CERTIFICATE.responseSchema, answer.json)).toBe(true);
    expect(await verifiedByMinistry(answer, request)).toMatchObject({ ok: true, keyId: memberKid(ministry.publicJwk) });
    // Shown as the answer to another request, it does not verify.
    expect(await verifiedByMinistry(answer, signed({ certificateNumber: rice.number }))).toMatchObject({ ok: false, refusal: 'bad_signature' });
  });

  it('says which certificates are revoked, expired, unknown, or for other goods', async () => {
    const ask = async (body: Record<string, string>) => (await send(signed(body))).json;
    expect(await ask({ certificateNumber: certificate('180100').number })).toMatchObject({ found: true, status: 'revoked' });
    expect(await ask({ certificateNumber: certificate('070310').number })).toMatchObject({ found: true, status: 'expired' });
    expect(await ask({ certificateNumber: 'KD-PHY-1999-000001' })).toEqual({ certificateNumber: 'KD-PHY-1999-000001', found: false });
    expect(await ask({ certificateNumber: certificate('100630').number, hsCode: '100640' })).toMatchObject({ status: 'valid', matchesHsCode: false });
  });
});

describe('refusals, each with its code and status, unsigned, and logged by the register', () => {
  const rice = () => ({ certificateNumber: certificate('100630').number });
  const cases: [string, number, string, () => Promise<Answer>][] = [
    ['a caller that is not a member', 401, 'unknown_member', () => send(signed(rice(), { client: 'KD/COM/NOBODY' }))],
    ['an unsigned request', 400, 'missing_component', () => send({ targetUri: serviceUrl(), headers: { 'content-type': 'application/json', 'guichet-message-id': newMessageId(), 'guichet-client': CUSTOMS }, body: JSON.stringify(rice()) })],
    ['a signature by another key under Customs’ key id', 401, 'bad_signature', () => send(signed(rice(), { signer: { keyId: customs.keyId, privateKey: generateKeyPairSync('ed25519').privateKey } }))],
    ['a request signed ten minutes ago', 401, 'expired_timestamp', () => send(signed(rice(), { at: new Date(Date.now() - 10 * 60_000) }))],
    ['a body that is not the one signed', 400, 'digest_mismatch', async () => send({ ...signed(rice()), body: JSON.stringify({ certificateNumber: 'KD-PHY-1999-000001' }) })],
    ['a member without the right', 403, 'access_denied', () => send(signed(rice(), { client: 'KD/GOV/COMMERCE', signer: commerce }))],
    ['a version it does not offer', 404, 'unknown_service', () => send(signed(rice(), { version: 'v2' }))],
    ['a body its schema refuses', 422, 'schema_mismatch', () => send(signed({ certificateNumber: 42 }))],
    ['a body with a field the schema does not allow', 422, 'schema_mismatch', () => send(signed({ ...rice(), consignee: 'Kandara Riz Import SARL' }))],
  ];
  for (const [what, status, code, attempt] of cases) {
    it(`refuses ${what} (${code})`, async () => {
      const answer = await attempt();
      expect(answer.status).toBe(status);
      expect(answer.json.error?.code).toBe(code);
      expect(answer.json.error?.message.length).toBeGreaterThan(5);
      expect(answer.headers.signature).toBeUndefined();
      expect(ministryLog().at(-1)).toMatchObject({ direction: 'in', kind: 'request', status: code });
    });
  }

  it('refuses a replayed message (replayed_message), but answers the same message signed again as a retry', async () => {
    const request = signed(rice());
    const first = await send(request);
    expect(first.status).toBe(200);
    const replay = await send(request);
    expect(replay.status).toBe(409);
    expect(replay.json.error?.code).toBe('replayed_message');
    const retry = signed(rice(), { messageId: request.headers['guichet-message-id'], at: new Date(Date.now() + 2000) });
    const again = await send(retry);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect((await verifiedByMinistry(again, retry)).ok).toBe(true);
    expect(ministryLog().filter((e) => e.messageId === request.headers['guichet-message-id']).map((e) => e.status)).toEqual(['accepted', 'replayed_message', 'retry']);
  });

  it('stops trusting a key revoked at Guichet once its copy of discovery expires (unknown_key)', async () => {
    const spare = await memberSigner(CUSTOMS);
    await sleep(DISCOVERY_TTL_MS * 2);
    expect((await send(signed(rice(), { signer: spare }))).status).toBe(200);
    const customsId = (await findMember(platform.database.db, CUSTOMS)).id;
    const revoked = await admin.request('POST', `/api/exchange/members/${customsId}/keys/${spare.keyId}/revoke`, { reason: 'key found on a lost laptop' });
    expect(revoked.status).toBe(200);
    await sleep(DISCOVERY_TTL_MS * 2);
    const refused = await send(signed(rice(), { signer: spare }));
    expect(refused.status).toBe(401);
    expect(refused.json.error?.code).toBe('unknown_key');
  });
});

describe('Guichet calling the register', () => {
  it('reaches it through exchange.call, signed as Customs, and both sides log the exchange', async () => {
    const rice = certificate('100630');
    const answer = await platform.exchange.call({ client: CUSTOMS, provider: MINISTRY_SYSTEM, service: 'check-certificate', version: 'v1', body: { certificateNumber: rice.number, hsCode: '100630' } });
    expect(answer).toMatchObject({ status: 200, body: { certificateNumber: rice.number, found: true, status: 'valid', matchesHsCode: true } });
    const guichetSide = await platform.database.db.selectFrom('exchange_message_log').select(['direction', 'kind', 'status']).where('message_id', '=', answer.messageId).orderBy('seq').execute();
    expect(guichetSide).toEqual([{ direction: 'out', kind: 'request', status: '200' }]);
    const ministrySide = ministryLog().filter((e) => e.messageId === answer.messageId);
    expect(ministrySide).toMatchObject([{ direction: 'in', kind: 'request', peer: CUSTOMS, service: `${MINISTRY_SYSTEM}/check-certificate/v1`, status: 'accepted' }]);
  });
});

describe('the register in Guichet’s registry', () => {
  const auditCount = async () => Number((await platform.database.db.selectFrom('audit_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('is registered idempotently, and follows the register when it moves', async () => {
    const before = await auditCount();
    await ensureMinistrySystem(platform.database.db, context, { publicJwk: ministry.publicJwk, endpoint: ministry.url });
    expect(await auditCount()).toBe(before);
    await ensureMinistrySystem(platform.database.db, context, { publicJwk: ministry.publicJwk, endpoint: 'http://127.0.0.1:3299' });
    expect((await findMember(platform.database.db, MINISTRY_SYSTEM)).endpoint).toBe('http://127.0.0.1:3299');
    await ensureMinistrySystem(platform.database.db, context, { publicJwk: ministry.publicJwk, endpoint: ministry.url });
    expect(await auditCount()).toBe(before + 2);
  });
});

describe('the register after a restart', () => {
  it('keeps its key and its log, and still refuses a message it accepted before', async () => {
    const request = signed({ certificateNumber: certificate('080450').number });
    expect((await send(request)).status).toBe(200);
    const { publicJwk } = ministry;
    await ministry.stop();
    ministry = await startMinistryProcess({ guichetUrl: platform.url, dataDir, keyFile, port: Number(new URL(request.targetUri).port), env: { MINISTRY_DISCOVERY_TTL_MS: String(DISCOVERY_TTL_MS) } });
    expect(ministry.publicJwk).toEqual(publicJwk);
    const replay = await send(request);
    expect(replay.status).toBe(409);
    expect(replay.json.error?.code).toBe('replayed_message');
    expect((await send(signed({ certificateNumber: certificate('080450').number }))).status).toBe(200);
  });
});

describe('the register’s own message log', () => {
  it('chains every message it received and sent, and its verifier names an altered entry', async () => {
    const entries = ministryLog();
    const statuses = new Set(entries.map((e) => e.status));
    for (const status of ['accepted', 'retry', '200', 'unknown_member', 'unknown_key', 'bad_signature', 'expired_timestamp', 'missing_component', 'digest_mismatch', 'replayed_message', 'access_denied', 'unknown_service', 'schema_mismatch']) {
      expect(statuses, status).toContain(status);
    }
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_e, i) => i + 1));
    const intact = verifyLog(dataDir);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain(`ministry message log intact: ${entries.length} entries`);

    const copy = fs.mkdtempSync(path.join(dir, 'tampered-'));
    for (const file of ['message-log.jsonl', 'message-log.head.json']) fs.copyFileSync(path.join(dataDir, file), path.join(copy, file));
    const lines = fs.readFileSync(path.join(copy, 'message-log.jsonl'), 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/"status":"[^"]*"/, '"status":"accepted"').replace(/"peer":"[^"]*"/, '"peer":"KD/GOV/SOMEONE-ELSE"');
    fs.writeFileSync(path.join(copy, 'message-log.jsonl'), lines.join('\n'));
    const altered = verifyLog(copy);
    expect(altered.status).toBe(1);
    expect(altered.stderr).toContain('message log entry #3 altered');

    fs.writeFileSync(path.join(copy, 'message-log.jsonl'), fs.readFileSync(path.join(dataDir, 'message-log.jsonl'), 'utf8').split('\n').slice(0, -2).join('\n') + '\n');
    const cut = verifyLog(copy);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain(`message log entry #${entries.length} missing`);
  });
});
