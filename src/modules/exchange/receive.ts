import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { headerValue, type RequestDescription, type ResponseDescription } from './signing-base.ts';
import { inboxEntry, secondArrival, type InboxRow } from './inbox.ts';
import type { LocalSigners } from './local-keys.ts';
import type { LogWriter } from './log-writer.ts';
import type { LogRecord } from './message-log.ts';
import { appendMessageLogs } from './message-log.ts';
import { MESSAGE_ID, newMessageId } from './message-id.ts';
import { refusalBody, REFUSAL_STATUS, type RefusalCode } from './refusals.ts';
import { coveringIdentifiers, verifiesAt, type RegistryCache, type RegistrySnapshot, type SnapshotService } from './registry-snapshot.ts';
import { loggedSignature, signResponse, verifyRequest, type Signer, type Verified } from './signing.ts';
import { parseServicePath, serviceName, servicePath } from './targets.ts';

/** What a provider's handler is told about the message it answers. */
export interface MessageContext {
  body: unknown;
  client: string;
  representedParty: string | null;
  case: string | null;
  messageId: string;
}

/** Who made the change a message asked for, as the audit trail names it: the member that sent it. */
export const senderContext = (message: MessageContext): ChangeContext => ({ actor: { type: 'system', id: null, label: message.client }, requestId: message.messageId, ip: null });

/** A service with an effect: it runs in the transaction that records the message in the inbox and the log. */
export type ProvideHandler = (context: MessageContext & { trx: Trx }) => Promise<unknown>;
/** A service that only reads: its messages are recorded by the log writer in batches. */
export type QueryHandler = (context: MessageContext & { db: Db }) => Promise<unknown>;

/** How the message reached us: `redelivered` when the carrier hands over a copy it delivered before (NATS JetStream). */
export interface Carried {
  redelivered?: boolean;
}

export type Provided = { kind: 'command'; handler: ProvideHandler } | { kind: 'query'; handler: QueryHandler };

export interface ReceiveDeps {
  db: Db;
  registry: RegistryCache;
  signers: LocalSigners;
  log: LogWriter;
  provided: ReadonlyMap<string, Provided>;
  replayWindowSeconds: number;
}

export const providedKey = (provider: string, service: string, version: string) => `${provider} ${service} ${version}`;

class Refused extends Error {
  readonly code: RefusalCode;
  constructor(code: RefusalCode, message: string) {
    super(message);
    this.code = code;
  }
}

const json = (status: number, body: unknown, extra: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: Buffer.from(JSON.stringify(body)),
});

/** Who calls, checked against the registry: the first identifier covering the caller that is a member. */
function callerOf(snapshot: RegistrySnapshot, client: string) {
  const member = coveringIdentifiers(client).map((id) => snapshot.member(id)).find(Boolean);
  if (!member) throw new Refused('unknown_member', `${client || 'the caller'} is not a member of the exchange`);
  if (member.status !== 'active') throw new Refused('member_suspended', `${member.identifier} is suspended`);
  return member;
}

function serviceOf(snapshot: RegistrySnapshot, provided: ReadonlyMap<string, Provided>, path: string) {
  const target = parseServicePath(path);
  if (!target) throw new Refused('unknown_service', `no service at ${path}`);
  const service = snapshot.service(target.provider, target.service, target.version);
  const handler = provided.get(providedKey(target.provider, target.service, target.version));
  if (!service || !handler) throw new Refused('unknown_service', `${servicePath(target)} is not served here`);
  return { service, handler };
}

function parseBody(service: SnapshotService, raw: Uint8Array | string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8'));
  } catch {
    throw new Refused('schema_mismatch', 'the body is not JSON');
  }
  if (!service.validateRequest(body)) {
    const first = service.validateRequest.errors?.[0];
    throw new Refused('schema_mismatch', `the body does not match ${service.code} ${service.version}: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim());
  }
  return body;
}

/**
 * The provider's side of a message, whatever carried it (HTTP or NATS): identify the caller, find the
 * service, check the signature, the right and the body, then answer — signed by the provider and
 * bound to the request — exactly once per message id. Every refusal is logged and has no effect.
 */
export function receiver(deps: ReceiveDeps) {
  const { registry, signers, log, provided } = deps;

  function answer(request: RequestDescription, signer: Signer, status: number, body: unknown): ResponseDescription {
    const response = json(status, body, { 'guichet-message-id': newMessageId() });
    return { ...response, headers: signResponse(response, request, signer) };
  }

  function logRecords(request: RequestDescription, verified: Verified | null, service: string, status: string, response?: ResponseDescription): LogRecord[] {
    const client = headerValue(request.headers, 'guichet-client') ?? '';
    const records: LogRecord[] = [
      {
        messageId: headerValue(request.headers, 'guichet-message-id') ?? '',
        direction: 'in',
        kind: 'request',
        peer: client,
        service,
        signature: verified?.signature ?? headerValue(request.headers, 'signature') ?? '',
        bodyDigest: headerValue(request.headers, 'content-digest') ?? '',
        status,
      },
    ];
    if (response) {
      records.push({
        messageId: headerValue(response.headers, 'guichet-message-id')!,
        direction: 'out',
        kind: 'response',
        peer: client,
        service,
        signature: loggedSignature(response.headers),
        bodyDigest: headerValue(response.headers, 'content-digest') ?? '',
        status: String(response.status),
      });
    }
    return records;
  }

  async function refuse(request: RequestDescription, verified: Verified | null, service: string, refusal: Refused): Promise<ResponseDescription> {
    await log.commit({ records: logRecords(request, verified, service, refusal.code) });
    return json(REFUSAL_STATUS[refusal.code], refusalBody(refusal.code, refusal.message));
  }

  /** A message id seen before: the stored answer again for a retry, a refusal for a replay. */
  async function again(request: RequestDescription, verified: Verified, provider: string, servicePathText: string, carried: Carried): Promise<ResponseDescription> {
    const client = headerValue(request.headers, 'guichet-client')!;
    const first = await inboxEntry(deps.db, verified.messageId);
    const arrival = first ? secondArrival(first, { client, signature: verified.signature, bodyDigest: verified.contentDigest, redelivered: carried.redelivered }) : { kind: 'replay' as const };
    if (arrival.kind === 'replay') return refuse(request, verified, servicePathText, new Refused('replayed_message', `message ${verified.messageId} was received before`));
    const response = answer(request, await signers.signerFor(provider), arrival.status, arrival.body);
    await log.commit({ records: logRecords(request, verified, servicePathText, 'retry', response) });
    return response;
  }

  return async function receive(request: RequestDescription, carried: Carried = {}): Promise<ResponseDescription> {
    const path = new URL(request.targetUri, 'http://x').pathname;
    let verified: Verified | null = null;
    try {
      const snapshot = await registry.get();
      const client = headerValue(request.headers, 'guichet-client') ?? '';
      const messageId = headerValue(request.headers, 'guichet-message-id');
      const caller = callerOf(snapshot, client);
      const { service, handler } = serviceOf(snapshot, provided, path);
      if (!messageId || !MESSAGE_ID.test(messageId)) throw new Refused('missing_component', 'Guichet-Message-Id must be a UUID');
      const outcome = await verifyRequest(request, {
        replayWindowSeconds: deps.replayWindowSeconds,
        lookupKey(kid, _signer, created) {
          const key = snapshot.key(kid);
          return key && key.member === caller.identifier && verifiesAt(key, created) ? key.publicKey : undefined;
        },
      });
      if (!outcome.ok) throw new Refused(outcome.refusal, outcome.reason);
      verified = outcome;
      if (!snapshot.mayCall(client, service)) throw new Refused('access_denied', `${client} has no right to ${service.code} ${service.version} of ${service.provider}`);
      const body = parseBody(service, request.body);
      const context: MessageContext = {
        body,
        client,
        representedParty: headerValue(request.headers, 'guichet-represented-party') ?? null,
        case: headerValue(request.headers, 'guichet-case') ?? null,
        messageId,
      };
      // Before any transaction: loading a key reads through the pool (PGlite has one connection).
      const signer = await signers.signerFor(service.provider);
      const pathText = serviceName({ provider: service.provider, service: service.code, version: service.version });
      const inbox = (responseBody: unknown): InboxRow => ({
        message_id: messageId,
        client,
        service: pathText,
        signature: outcome.signature,
        body_digest: outcome.contentDigest,
        response_status: 200,
        response_body: jsonb(responseBody ?? null),
      });
      if (handler.kind === 'query') {
        const result = await handler.handler({ ...context, db: deps.db });
        checkResponse(service, result);
        const response = answer(request, signer, 200, result);
        const fresh = await log.commit({ inbox: inbox(result), records: logRecords(request, outcome, pathText, 'accepted', response) });
        return fresh ? response : again(request, outcome, service.provider, pathText, carried);
      }
      const committed = await deps.db.transaction().execute(async (trx) => {
        const claimed = await trx.insertInto('exchange_inbox').values(inbox(null)).onConflict((oc) => oc.column('message_id').doNothing()).returning('message_id').executeTakeFirst();
        if (!claimed) return null;
        const result = await handler.handler({ ...context, trx });
        checkResponse(service, result);
        const response = answer(request, signer, 200, result);
        await trx.updateTable('exchange_inbox').set({ response_body: jsonb(result ?? null) }).where('message_id', '=', messageId).execute();
        await appendMessageLogs(trx, logRecords(request, outcome, pathText, 'accepted', response));
        return response;
      });
      return committed ?? again(request, outcome, service.provider, pathText, carried);
    } catch (error) {
      if (error instanceof Refused) {
        const target = parseServicePath(path);
        return refuse(request, verified, target ? serviceName(target) : path, error);
      }
      throw error;
    }
  };
}

function checkResponse(service: SnapshotService, body: unknown) {
  if (!service.validateResponse(body)) {
    const first = service.validateResponse.errors?.[0];
    // The provider's own bug, not the caller's: a 500 the caller may retry, nothing committed.
    throw new Error(`the answer of ${service.code} ${service.version} does not match its response schema: ${first?.instancePath || '/'} ${first?.message ?? ''}`);
  }
}
