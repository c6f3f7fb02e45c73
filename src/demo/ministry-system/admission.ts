import type { ValidateFunction } from 'ajv/dist/2020.js';
import { secondArrival } from '../../modules/exchange/inbox.ts';
import { MESSAGE_ID } from '../../modules/exchange/message-id.ts';
import type { RefusalCode } from '../../modules/exchange/refusals.ts';
import { headerValue, type RequestDescription } from '../../modules/exchange/signing-base.ts';
import { verifyRequest, type Verified } from '../../modules/exchange/signing.ts';
import { parseServicePath, type ServiceTarget } from '../../modules/exchange/targets.ts';
import type { TrustSource } from './discovery-cache.ts';
import type { ReplayMemory, SeenRequest } from './replay-memory.ts';

export interface Admission {
  /** This system's identifier: the provider every request must name. */
  self: string;
  /** The request schema of each service version answered here, compiled, by `code/version`. */
  services: ReadonlyMap<string, ValidateFunction>;
  trust: TrustSource;
  memory: ReplayMemory;
  replayWindowSeconds: number;
}

export interface Admitted {
  ok: true;
  client: string;
  target: ServiceTarget;
  verified: Verified;
  body: unknown;
  /** What is remembered of this message id; its `response_body` is set once answered, and given again to a retry. */
  seen: SeenRequest;
  /** The same message again, signed anew by a sender that missed the answer. */
  retry: boolean;
}

export interface Turned {
  ok: false;
  code: RefusalCode;
  reason: string;
  verified: Verified | null;
}

class Refused extends Error {
  readonly code: RefusalCode;
  constructor(code: RefusalCode, message: string) {
    super(message);
    this.code = code;
  }
}

function parseBody(validate: ValidateFunction, raw: Uint8Array | string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8'));
  } catch {
    throw new Refused('schema_mismatch', 'the body is not JSON');
  }
  if (!validate(body)) {
    const first = validate.errors?.[0];
    throw new Refused('schema_mismatch', `the body does not match the request schema: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim());
  }
  return body;
}

/**
 * Checks a request in the order Guichet's provider side does (receive.ts), with what discovery
 * says in place of Guichet's registry: a member calls, for a service answered here, under a message
 * id, signed with its member's key (the protocol's verifier: timestamp, key, signature, digest),
 * granted the service, with a body its schema accepts, and not a replay. The first failing check is
 * the refusal. Nothing waits after the signature check, so two copies of one message cannot both
 * pass the replay check.
 */
export async function admit(request: RequestDescription, admission: Admission, now = new Date()): Promise<Admitted | Turned> {
  let verified: Verified | null = null;
  try {
    let trust = await admission.trust.current();
    const client = headerValue(request.headers, 'guichet-client') ?? '';
    const messageId = headerValue(request.headers, 'guichet-message-id');
    const member = trust.memberOf(client);
    if (!member) throw new Refused('unknown_member', `${client || 'the caller'} is not an active member of the exchange`);
    const path = new URL(request.targetUri).pathname;
    const target = parseServicePath(path);
    const validate = target?.provider === admission.self ? admission.services.get(`${target.service}/${target.version}`) : undefined;
    if (!target || !validate) throw new Refused('unknown_service', `${path} names no service answered by ${admission.self}`);
    if (!messageId || !MESSAGE_ID.test(messageId)) throw new Refused('missing_component', 'Guichet-Message-Id must be a UUID');
    const outcome = await verifyRequest(request, {
      now,
      replayWindowSeconds: admission.replayWindowSeconds,
      lookupKey: async (kid) => {
        // A key added since discovery was fetched: ask again (rate-limited by the source).
        if (!trust.knowsKey(kid)) trust = await admission.trust.afterUnknownKey();
        return trust.keyOf(kid, member);
      },
    });
    if (!outcome.ok) throw new Refused(outcome.refusal, outcome.reason);
    verified = outcome;
    if (!trust.mayCall(client, target.provider, target.service, target.version)) throw new Refused('access_denied', `${client} has no right to ${target.service} ${target.version} of ${target.provider}`);
    const body = parseBody(validate, request.body);
    const earlier = admission.memory.earlier(messageId, Math.floor(now.getTime() / 1000));
    const arrival = { client, signature: outcome.signature, bodyDigest: outcome.contentDigest };
    if (earlier && secondArrival(earlier, arrival).kind === 'replay') throw new Refused('replayed_message', `message ${messageId} was received before`);
    const seen = earlier ?? { client, signature: outcome.signature, body_digest: outcome.contentDigest, response_status: 200, response_body: null };
    if (!earlier) admission.memory.remember(messageId, seen, outcome.created + admission.replayWindowSeconds);
    return { ok: true, client, target, verified: outcome, body, seen, retry: earlier !== undefined };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: error.code, reason: error.message, verified };
    throw error;
  }
}
