import type { ChangeContext } from '../../platform/audit/record.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { EventBus, EventLogger } from '../../platform/events/index.ts';
import { exchangeClient, type ExchangeAnswer, type ExchangeCall } from './client.ts';
import type { ExchangeConfig } from './config.ts';
import { pruneInbox } from './inbox.ts';
import { localSigners } from './local-keys.ts';
import { logWriter } from './log-writer.ts';
import { exchangeOutbox, type Carrier, type ExchangeTopics } from './outbox.ts';
import { receiver, providedKey, type Carried, type Provided, type ProvideHandler, type QueryHandler } from './receive.ts';
import { registryCache } from './registry-snapshot.ts';
import type { RequestDescription, ResponseDescription } from './signing-base.ts';
import { httpExchange } from './transport-http.ts';
import { connectNatsTransport, type NatsTransport } from './transport-nats.ts';

export type { ExchangeAnswer, ExchangeCall } from './client.ts';
export type { MessageContext, ProvideHandler, QueryHandler } from './receive.ts';
export { senderContext } from './receive.ts';
export { ExchangeRefusal } from './refusals.ts';

export interface Exchange {
  /** This instance's code: the first segment of its own members' identifiers. */
  instance: string;
  /** A service with an effect, run in the transaction that records the message (register before start). */
  provide(provider: string, service: string, version: string, handler: ProvideHandler): void;
  /** A service that only reads (register before start). */
  provideQuery(provider: string, service: string, version: string, handler: QueryHandler): void;
  /** A synchronous signed round trip; both messages logged. Throws ExchangeRefusal when refused. */
  call(call: ExchangeCall): Promise<ExchangeAnswer>;
  /** An asynchronous message, sent once `trx` commits and delivered exactly once; returns its message id. */
  send(trx: Trx, call: ExchangeCall): Promise<string>;
  /** The provider's side of a message, whatever carried it. */
  receive(request: RequestDescription, carried?: Carried): Promise<ResponseDescription>;
  replayDeadLetter(context: ChangeContext, messageId: string): Promise<void>;
  /** After a registry change in this process: the next message sees it. */
  invalidateRegistry(): void;
  /** Makes sure every member served here has a key, then connects to NATS when configured and starts consuming; call once the bus runs. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ExchangeDeps {
  db: Db;
  box: SecretBox;
  bus: EventBus<ExchangeTopics>;
  config: ExchangeConfig;
  publicUrl: string;
  logger: EventLogger;
}

export function createExchange({ db, box, bus, config, publicUrl, logger }: ExchangeDeps): Exchange {
  const registry = registryCache(db, config.registryCacheMs);
  const signers = localSigners(db, box, () => registry.invalidate());
  const log = logWriter(db);
  const provided = new Map<string, Provided>();
  const receive = receiver({ db, registry, signers, log, provided, replayWindowSeconds: config.replayWindowSeconds });
  const client = exchangeClient({ registry, signers, publicUrl, replayWindowSeconds: config.replayWindowSeconds });
  /** This instance's own providers are reached in process: same checks, same logs, no socket. */
  const transmit = (request: RequestDescription, endpoint: string | null) => (endpoint ? httpExchange(request, config.timeoutMs) : receive(request));
  let nats: NatsTransport | undefined;
  let stopped = false;
  const carrier = (): Carrier => {
    if (nats) return { kind: 'nats', publish: (instance, request) => nats!.publish(instance, request) };
    return config.natsUrl ? { kind: 'unavailable', reason: `not connected to NATS (${config.natsUrl})` } : { kind: 'direct', transmit };
  };
  const outbox = exchangeOutbox({ db, bus, client, carrier, maxAttempts: config.maxAttempts, backoff: { baseMs: config.retryBaseMs, capMs: config.retryCapMs, jitter: 'equal' } });
  outbox.register();
  bus.schedule('exchange.prune_inbox', 86_400, async () => {
    await pruneInbox(db, config.inboxRetentionDays);
  });
  if (config.natsUrl) {
    bus.schedule('exchange.resend_unanswered', Math.min(60, config.replyTimeoutSeconds), async () => {
      await outbox.resendUnanswered(config.replyTimeoutSeconds);
    });
  }

  /** Connects and consumes; when NATS is down at start, keeps trying in the background (messages wait in the outbox). */
  async function connectNats(url: string): Promise<void> {
    while (!stopped && !nats) {
      try {
        const connection = await connectNatsTransport({ url, instance: config.instance, logger });
        await connection.startReceiving(receive);
        await connection.startReplies((reply) => outbox.receiveReply(reply));
        if (stopped) await connection.close();
        else nats = connection;
      } catch (error) {
        logger.warn({ err: error, natsUrl: url }, 'cannot reach NATS; asynchronous messages wait in the outbox, trying again in 5 s');
        await new Promise((resolve) => setTimeout(resolve, 5000));
      }
    }
  }
  let connecting: Promise<void> | undefined;

  return {
    instance: config.instance,
    provide(provider, service, version, handler) {
      provided.set(providedKey(provider, service, version), { kind: 'command', handler });
    },
    provideQuery(provider, service, version, handler) {
      provided.set(providedKey(provider, service, version), { kind: 'query', handler });
    },
    async call(call) {
      const member = await client.provider(call.provider);
      const request = await client.sign(call, client.newMessageId(), member);
      const outcome = await client.judge(call, request, await transmit(request, member.endpoint));
      await log.commit({ records: outcome.records });
      if (outcome.kind === 'refused') throw outcome.refusal;
      return outcome.answer;
    },
    send: (trx, call) => outbox.send(trx, call),
    receive,
    replayDeadLetter: (context, messageId) => outbox.replay(context, messageId),
    invalidateRegistry() {
      registry.invalidate();
      signers.forget();
    },
    async start() {
      // Every member served here gets its key now, so partners learn it before the first message.
      const own = await db.selectFrom('exchange_members').select('identifier').where('endpoint', 'is', null).where('status', '=', 'active').execute();
      for (const member of own) await signers.signerFor(member.identifier);
      if (!config.natsUrl || connecting) return;
      stopped = false;
      connecting = connectNats(config.natsUrl);
      // A reachable NATS is connected before start returns; an unreachable one is retried in the background.
      await Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, 3000))]);
    },
    async stop() {
      stopped = true;
      await connecting;
      connecting = undefined;
      const connection = nats;
      nats = undefined;
      await connection?.close();
      await log.flush();
    },
  };
}
