import { sql, type Selectable } from 'kysely';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { replayDeadLetter as replayDelivery, type BackoffPolicy, type EventBus } from '../../platform/events/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ExchangeCall, ExchangeClient, Outcome } from './client.ts';
import type { ExchangeOutboxTable } from './delivery-schema.ts';
import { appendMessageLogs } from './message-log.ts';
import type { RequestDescription, ResponseDescription } from './signing-base.ts';
import { headerValue } from './signing-base.ts';
import { contentDigest } from './content-digest.ts';
import { ExchangeRefusal } from './refusals.ts';

export const OUTBOUND_TOPIC = 'exchange.outbound';
export interface ExchangeTopics {
  [OUTBOUND_TOPIC]: { messageId: string };
}

/** How an outbound request reaches its provider: straight (HTTP, or in process for this instance's own), or published to NATS JetStream. */
export type Carrier =
  | { kind: 'direct'; transmit(request: RequestDescription, endpoint: string | null): Promise<ResponseDescription> }
  | { kind: 'nats'; publish(providerInstance: string, request: RequestDescription): Promise<void> }
  /** NATS is configured but not connected (yet, or any more): the attempt fails and is retried, rather than going another way. */
  | { kind: 'unavailable'; reason: string };

export interface OutboxDeps {
  db: Db;
  bus: EventBus<ExchangeTopics>;
  client: ExchangeClient;
  carrier: () => Carrier;
  maxAttempts: number;
  backoff: BackoffPolicy;
}

type OutboxRow = Selectable<ExchangeOutboxTable>;

const callOf = (row: OutboxRow): ExchangeCall => ({
  client: row.client,
  provider: row.provider,
  service: row.service_code,
  version: row.service_version,
  body: row.body,
  ...(row.represented_party ? { representedParty: row.represented_party } : {}),
  ...(row.case_ref ? { case: row.case_ref } : {}),
});

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Asynchronous messages: written in the sender's transaction, delivered by the event bus with its
 * retries, exponential backoff and dead letters, and taken exactly once by the receiver's inbox
 * (each attempt is signed anew under the same message id, so a retry is told apart from a replay).
 */
export function exchangeOutbox(deps: OutboxDeps) {
  const { db, client } = deps;

  async function send(trx: Trx, call: ExchangeCall): Promise<string> {
    // Read through trx: the registry snapshot reads through the pool, which PGlite's one connection would deadlock on.
    const provider = await trx.selectFrom('exchange_members').select('status').where('identifier', '=', call.provider).executeTakeFirst();
    if (!provider) throw new ExchangeRefusal('unknown_member', 404, `${call.provider} is not a member of the exchange`);
    const messageId = client.newMessageId();
    await trx
      .insertInto('exchange_outbox')
      .values({
        message_id: messageId,
        client: call.client,
        provider: call.provider,
        service_code: call.service,
        service_version: call.version,
        body: jsonb(call.body ?? null),
        represented_party: call.representedParty ?? null,
        case_ref: call.case ?? null,
      })
      .execute();
    await deps.bus.emit(trx, OUTBOUND_TOPIC, { messageId });
    return messageId;
  }

  /** Records how an attempt ended; true when the message is settled (delivered or finally refused). */
  async function settle(messageId: string, outcome: Outcome, attempt: number, tries = attempt): Promise<boolean> {
    const final = outcome.kind === 'answered' || !outcome.retryable;
    await db.transaction().execute(async (trx) => {
      const update =
        outcome.kind === 'answered'
          ? { status: 'delivered' as const, response_status: outcome.answer.status, response_body: jsonb(outcome.answer.body ?? null), delivered_at: new Date(), last_error: null }
          : { status: final ? ('refused' as const) : attempt >= deps.maxAttempts ? ('dead' as const) : ('pending' as const), last_error: describe(outcome.refusal), response_status: outcome.refusal.status };
      await trx.updateTable('exchange_outbox').set({ ...update, attempts: tries, last_attempt_at: new Date() }).where('message_id', '=', messageId).where('status', 'in', ['pending', 'dead']).execute();
      await appendMessageLogs(trx, outcome.records);
    });
    return final;
  }

  async function failed(messageId: string, attempt: number, tries: number, error: unknown) {
    await db
      .updateTable('exchange_outbox')
      .set({ attempts: tries, last_attempt_at: new Date(), last_error: describe(error), status: attempt >= deps.maxAttempts ? 'dead' : 'pending' })
      .where('message_id', '=', messageId)
      .where('status', '=', 'pending')
      .execute();
  }

  /**
   * One delivery attempt; throws to have the bus try again later. `attempt` is the bus's count for
   * this event (it decides the dead letter); the row counts every attempt of the message, resends
   * over NATS included.
   */
  async function deliver(messageId: string, attempt: number): Promise<void> {
    const row = await db.selectFrom('exchange_outbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    if (!row || row.status === 'delivered' || row.status === 'refused') return;
    const tries = row.attempts + 1;
    const call = callOf(row);
    const carrier = deps.carrier();
    let outcome: Outcome;
    try {
      if (carrier.kind === 'unavailable') throw new Error(carrier.reason);
      const member = await client.provider(call.provider);
      const request = await client.sign(call, messageId, member);
      if (carrier.kind === 'nats') {
        await carrier.publish(call.provider.split('/')[0]!, request);
        await db.updateTable('exchange_outbox').set({ attempts: tries, last_attempt_at: new Date(), last_error: null }).where('message_id', '=', messageId).execute();
        return;
      }
      outcome = await client.judge(call, request, await carrier.transmit(request, member.endpoint));
    } catch (error) {
      await failed(messageId, attempt, tries, error);
      throw error;
    }
    const settled = await settle(messageId, outcome, attempt, tries);
    if (!settled && outcome.kind === 'refused') throw outcome.refusal;
  }

  /**
   * A provider's answer that came back over NATS: the request it answers must be ours (same id,
   * caller and body digest) and the answer signed by the provider and bound to it.
   */
  async function receiveReply(reply: { request: RequestDescription; response: ResponseDescription }): Promise<void> {
    const messageId = headerValue(reply.request.headers, 'guichet-message-id') ?? '';
    const row = await db.selectFrom('exchange_outbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    if (!row || row.status !== 'pending') return;
    const ours = headerValue(reply.request.headers, 'guichet-client') === row.client && headerValue(reply.request.headers, 'content-digest') === contentDigest(JSON.stringify(row.body));
    if (!ours) return;
    await settle(messageId, await client.judge(callOf(row), reply.request, reply.response), row.attempts);
  }

  /** The bus deliveries of a message's events still due (pending or being retried). */
  const deliveriesOf = (trx: Trx, messageId: string, status: 'pending' | 'dead') =>
    trx
      .selectFrom('event_deliveries as d')
      .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
      .select('d.id')
      .where('e.topic', '=', OUTBOUND_TOPIC)
      .where(sql<string>`e.payload->>'messageId'`, '=', messageId)
      .where('d.status', '=', status)
      .execute();

  async function replay(context: ChangeContext, messageId: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('exchange_outbox').select('status').where('message_id', '=', messageId).forUpdate().executeTakeFirst();
      if (row?.status !== 'dead') throw new AppError(409, 'exchange_message_not_dead', { messageId });
      await trx.updateTable('exchange_outbox').set({ status: 'pending', attempts: 0 }).where('message_id', '=', messageId).execute();
      const [dead] = await deliveriesOf(trx, messageId, 'dead');
      if (dead) return replayDelivery(trx, context, dead.id);
      // Published to NATS, never answered: no dead delivery to revive, so a new one, audited the same way.
      const eventId = await deps.bus.emit(trx, OUTBOUND_TOPIC, { messageId });
      await recordAudit(trx, context, { action: 'exchange.message_replayed', recordType: 'exchange_message', recordId: messageId, details: { eventId } });
    });
  }

  /**
   * Over NATS an attempt ends when JetStream stores the message; the answer comes later on the reply
   * subject. A message still unanswered `afterSeconds` after its last attempt (the receiver lost it,
   * the stream lost it in a crash) is sent again under the same id — the receiver's inbox answers a
   * copy it already took — until its attempts run out and it is dead.
   */
  async function resendUnanswered(afterSeconds: number): Promise<number> {
    const stale = await db
      .selectFrom('exchange_outbox')
      .select(['message_id', 'attempts'])
      .where('status', '=', 'pending')
      .where('last_attempt_at', '<', new Date(Date.now() - afterSeconds * 1000))
      .limit(500)
      .execute();
    let resent = 0;
    for (const message of stale) {
      await db.transaction().execute(async (trx) => {
        if ((await deliveriesOf(trx, message.message_id, 'pending')).length > 0) return;
        if (message.attempts >= deps.maxAttempts) {
          await trx.updateTable('exchange_outbox').set({ status: 'dead', last_error: 'no answer came back over NATS' }).where('message_id', '=', message.message_id).where('status', '=', 'pending').execute();
          return;
        }
        await trx.updateTable('exchange_outbox').set({ last_attempt_at: new Date() }).where('message_id', '=', message.message_id).execute();
        await deps.bus.emit(trx, OUTBOUND_TOPIC, { messageId: message.message_id });
        resent += 1;
      });
    }
    return resent;
  }

  function register() {
    deps.bus.subscribe(OUTBOUND_TOPIC, 'exchange.deliver', (delivery) => deliver(delivery.payload.messageId, delivery.attempt), { maxAttempts: deps.maxAttempts, backoff: deps.backoff });
  }

  return { send, receiveReply, replay, register, resendUnanswered };
}
