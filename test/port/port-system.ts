import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addMemberKey, findMember, keyOf, memberKid, updateMember } from '../../src/modules/exchange/index.ts';
import { portMemberOf } from '../../src/modules/port/index.ts';
import { newMessageId } from '../../src/modules/exchange/message-id.ts';
import type { RequestDescription } from '../../src/modules/exchange/signing-base.ts';
import { signRequest, signResponse, verifyRequest, verifyResponse, type Signer } from '../../src/modules/exchange/signing.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import type { TestApp } from '../support/app.ts';

export const PORT = portMemberOf('KD');
export const CUSTOMS = 'KD/GOV/CUSTOMS';

export interface ReceivedGateOut {
  body: { manifestReference: string; billOfLading: string; containers: string[]; declarations: string[]; allowedAt: string };
  /** Whether Customs' signature verified with the key Guichet's registry holds for it. */
  signedByCustoms: boolean;
}

/**
 * The port community system, as a member outside Guichet: its own key and endpoint in the
 * registry, calling customs' services with signed requests and taking gate-out messages, whose
 * signature it checks against the key the registry holds for customs.
 */
export async function joinPortSystem(platform: TestApp) {
  const db = platform.database.db;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const signer: Signer = { keyId: memberKid({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! }), privateKey };
  const received: ReceivedGateOut[] = [];
  const customsKey = async (kid: string) => {
    const key = await keyOf(db, kid);
    return key?.status === 'active' && key.member.identifier === CUSTOMS ? key.publicKey : undefined;
  };

  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    const description: RequestDescription = { method: 'POST', targetUri: `http://${request.headers.host}${request.url}`, headers, body: Buffer.concat(chunks) };
    const verified = await verifyRequest(description, { lookupKey: customsKey });
    received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), signedByCustoms: verified.ok });
    const answer = { status: 200, headers: { 'content-type': 'application/json', 'guichet-message-id': newMessageId() }, body: JSON.stringify({ received: true }) };
    response.writeHead(200, signResponse(answer, description, signer)).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = systemContext('port system test');
  const member = await findMember(db, PORT);
  await updateMember(db, context, member.id, { endpoint: url });
  await addMemberKey(db, context, member.id, jwk);
  platform.exchange.invalidateRegistry();

  /** A signed call to one of customs' services, its answer checked as signed by customs. */
  async function call(service: string, body: unknown) {
    const request = { method: 'POST', targetUri: `${platform.url}/exchange/${CUSTOMS}/${service}/v1`, headers: { 'content-type': 'application/json', 'guichet-message-id': newMessageId(), 'guichet-client': PORT }, body: JSON.stringify(body) };
    const signed = { ...request, headers: signRequest(request, signer) };
    const response = await fetch(signed.targetUri, { method: 'POST', headers: signed.headers, body: signed.body });
    const text = await response.text();
    const answer = { status: response.status, headers: Object.fromEntries(response.headers), body: text };
    const verified = await verifyResponse(answer, signed, { lookupKey: customsKey });
    return { status: response.status, body: JSON.parse(text), signedByCustoms: verified.ok };
  }

  return { received, call, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
