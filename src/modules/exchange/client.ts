import { headerValue, type RequestDescription, type ResponseDescription } from './signing-base.ts';
import type { LocalSigners } from './local-keys.ts';
import type { LogRecord } from './message-log.ts';
import { newMessageId } from './message-id.ts';
import { ExchangeRefusal, isRefusalCode } from './refusals.ts';
import { coveringIdentifiers, verifiesAt, type RegistryCache, type SnapshotMember } from './registry-snapshot.ts';
import { loggedSignature, signRequest, verifyResponse } from './signing.ts';
import { serviceName, servicePath, serviceUrl } from './targets.ts';

export interface ExchangeCall {
  /** The calling member or subsystem, served by this instance: `KD/GOV/CUSTOMS/clearance`. */
  client: string;
  provider: string;
  service: string;
  version: string;
  body: unknown;
  representedParty?: string;
  case?: string;
}

export interface ExchangeAnswer {
  status: number;
  body: unknown;
  messageId: string;
}

/** How a call ended, for the caller and for the log. */
export type Outcome =
  | { kind: 'answered'; answer: ExchangeAnswer; records: LogRecord[] }
  | { kind: 'refused'; refusal: ExchangeRefusal; records: LogRecord[]; retryable: boolean };

export interface ClientDeps {
  registry: RegistryCache;
  signers: LocalSigners;
  /** Where this instance's own services are reached when a local member calls another one in process. */
  publicUrl: string;
  replayWindowSeconds: number;
}

function parseJson(body: Uint8Array | string): unknown {
  try {
    return JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The client's side of a message: sign the request as the calling member, and judge the answer —
 * a response signed by the provider's key and bound to this very request, or a refusal. The
 * transport (in process, HTTP, NATS) is the caller's choice.
 */
export function exchangeClient(deps: ClientDeps) {
  async function provider(identifier: string): Promise<SnapshotMember> {
    const member = (await deps.registry.get()).member(identifier);
    if (!member) throw new ExchangeRefusal('unknown_member', 404, `${identifier} is not a member of the exchange`);
    if (member.status !== 'active') throw new ExchangeRefusal('member_suspended', 409, `${identifier} is suspended`);
    return member;
  }

  /** The signed request of `call` under `messageId`; signed anew on every attempt (a fresh `created`). */
  async function sign(call: ExchangeCall, messageId: string, member: SnapshotMember): Promise<RequestDescription> {
    const target = { provider: call.provider, service: call.service, version: call.version };
    const targetUri = member.endpoint ? serviceUrl(member.endpoint, target) : deps.publicUrl.replace(/\/+$/, '') + servicePath(target);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'guichet-message-id': messageId, 'guichet-client': call.client };
    if (call.representedParty) headers['guichet-represented-party'] = call.representedParty;
    if (call.case) headers['guichet-case'] = call.case;
    const request = { method: 'POST', targetUri, headers, body: Buffer.from(JSON.stringify(call.body)) };
    return { ...request, headers: signRequest(request, await deps.signers.signerFor(call.client)) };
  }

  /** Reads the answer to `request`; `records` say what the client's log keeps of the exchange. */
  async function judge(call: ExchangeCall, request: RequestDescription, response: ResponseDescription): Promise<Outcome> {
    const messageId = headerValue(request.headers, 'guichet-message-id')!;
    const service = serviceName({ provider: call.provider, service: call.service, version: call.version });
    const sent = (status: string): LogRecord => ({
      messageId,
      direction: 'out',
      kind: 'request',
      peer: call.provider,
      service,
      signature: loggedSignature(request.headers),
      bodyDigest: headerValue(request.headers, 'content-digest') ?? '',
      status,
    });
    const body = parseJson(response.body);
    if (response.status < 200 || response.status >= 300) {
      const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      const code = isRefusalCode(error?.code) ? error.code : `http_${response.status}`;
      const refusal = new ExchangeRefusal(code, response.status, typeof error?.message === 'string' ? error.message : `the provider answered ${response.status}`);
      // A refusal is final; a server error or an unreachable provider may be tried again.
      return { kind: 'refused', refusal, records: [sent(code)], retryable: !isRefusalCode(error?.code) };
    }
    const snapshot = await deps.registry.get();
    const providers = coveringIdentifiers(call.provider);
    const verified = await verifyResponse(response, request, {
      replayWindowSeconds: deps.replayWindowSeconds,
      lookupKey(kid, _signer, created) {
        const key = snapshot.key(kid);
        return key && providers.includes(key.member) && verifiesAt(key, created) ? key.publicKey : undefined;
      },
    });
    const received: LogRecord = {
      messageId: headerValue(response.headers, 'guichet-message-id') ?? '',
      direction: 'in',
      kind: 'response',
      peer: call.provider,
      service,
      signature: loggedSignature(response.headers),
      bodyDigest: headerValue(response.headers, 'content-digest') ?? '',
      status: verified.ok ? 'accepted' : verified.refusal,
    };
    if (!verified.ok) {
      const refusal = new ExchangeRefusal('untrusted_response', 502, `the answer of ${call.provider} cannot be trusted: ${verified.reason}`);
      return { kind: 'refused', refusal, records: [sent(String(response.status)), received], retryable: true };
    }
    return { kind: 'answered', answer: { status: response.status, body, messageId }, records: [sent(String(response.status)), received] };
  }

  return { provider, sign, judge, newMessageId };
}

export type ExchangeClient = ReturnType<typeof exchangeClient>;
