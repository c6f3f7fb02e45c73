import { AckPolicy, jetstream, jetstreamManager, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { consumeForever, type Consumption, type NatsLogger } from './nats-consume.ts';
import { decodeReply, decodeRequest, encodeReply, encodeRequest, MalformedEnvelope, replySubject, requestSubject, senderInstance, type Reply } from './nats-envelope.ts';
import { headerValue, type RequestDescription, type ResponseDescription } from './signing-base.ts';

export interface NatsTransportOptions {
  url: string;
  /** This instance's code (`KD`): it consumes `guichet.exchange.KD.requests` and `…KD.replies`. */
  instance: string;
  logger: NatsLogger;
  /** default 'GUICHET_EXCHANGE' */
  stream?: string;
}

export interface NatsTransport {
  /**
   * Publishes a signed request to the provider's instance and resolves once JetStream stored it
   * (PubAck). Nats-Msg-Id is the request's guichet-message-id, so a re-publish within the stream's
   * duplicate window is dropped by the server. Rejects when NATS is unreachable (the outbox retries).
   */
  publish(providerInstance: string, request: RequestDescription): Promise<void>;
  /**
   * Consumes the requests addressed to this instance (durable `guichet-<instance>-requests`, shared by
   * all its processes): `handle` returns the signed response, which goes to the sender's reply
   * subject before the request is acknowledged; a failure is retried later (nak with a delay).
   * `handle` may see a request more than once (at-least-once): it must be idempotent (the inbox), and
   * is told when this is the stream's own copy delivered again (the same bytes, so the same signature).
   */
  startReceiving(handle: (request: RequestDescription, carried: { redelivered: boolean }) => Promise<ResponseDescription>): Promise<void>;
  /** Consumes the replies addressed to this instance (durable `guichet-<instance>-replies`), at least once. */
  startReplies(handle: (reply: Reply) => Promise<void>): Promise<void>;
  /** Stops consuming, lets the messages in hand finish, drains and closes the connection. */
  close(): Promise<void>;
}

const MINUTE_MS = 60_000;
const PUBLISH_TIMEOUT_MS = 5000;

/** Requests and replies are kept a week (limits retention): a receiver down over a weekend still gets them. */
function streamConfig(name: string) {
  return { name, subjects: ['guichet.exchange.>'], storage: StorageType.File, retention: RetentionPolicy.Limits, duplicate_window: nanos(2 * MINUTE_MS), max_age: nanos(7 * 24 * 60 * MINUTE_MS) };
}

/** Explicit acks, redelivered after 30 s without one, never given up on: the inbox makes redelivery harmless. */
function consumerConfig(durable: string, subject: string) {
  return { durable_name: durable, filter_subject: subject, ack_policy: AckPolicy.Explicit, ack_wait: nanos(30_000), max_deliver: -1 };
}

const isNotFound = (error: unknown) =>
  error instanceof JetStreamApiError && (error.code === JetStreamApiCodes.StreamNotFound || error.code === JetStreamApiCodes.ConsumerNotFound);

async function ensureStream(jsm: JetStreamManager, name: string): Promise<void> {
  const { subjects, duplicate_window, max_age } = streamConfig(name);
  try {
    await jsm.streams.info(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add(streamConfig(name));
    return;
  }
  await jsm.streams.update(name, { subjects, duplicate_window, max_age });
}

async function ensureConsumer(jsm: JetStreamManager, stream: string, durable: string, subject: string): Promise<void> {
  const { ack_wait, max_deliver } = consumerConfig(durable, subject);
  try {
    await jsm.consumers.info(stream, durable);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(stream, consumerConfig(durable, subject));
    return;
  }
  await jsm.consumers.update(stream, durable, { ack_wait, max_deliver });
}

/** Logs connection changes: a NATS outage is worth a warning, not an error (the client reconnects forever). */
async function watchConnection(nc: NatsConnection, logger: NatsLogger): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect') logger.warn({ server: status.server }, 'exchange: NATS disconnected, reconnecting');
    else if (status.type === 'reconnect') logger.info({ server: status.server }, 'exchange: NATS reconnected');
    else if (status.type === 'error') logger.error({ err: status.error }, 'exchange: NATS error');
  }
}

/** Decodes a message, or drops it for good (term) when it is not an envelope: retrying cannot fix it. */
function decoded<T>(message: JsMsg, logger: NatsLogger, decode: (bytes: Uint8Array) => T): T | undefined {
  try {
    return decode(message.data);
  } catch (error) {
    if (!(error instanceof MalformedEnvelope)) throw error;
    logger.error({ err: error, subject: message.subject, sequence: message.seq }, 'exchange: malformed NATS message dropped');
    message.term(error.message);
    return undefined;
  }
}

export async function connectNatsTransport(options: NatsTransportOptions): Promise<NatsTransport> {
  const { instance, logger } = options;
  const stream = options.stream ?? 'GUICHET_EXCHANGE';
  const subjects = { requests: requestSubject(instance), replies: replySubject(instance) };
  const nc = await connect({ servers: options.url, name: `guichet-${instance}`, maxReconnectAttempts: -1, reconnectTimeWait: 1000 });
  void watchConnection(nc, logger);
  const jsm = await jetstreamManager(nc);
  const js: JetStreamClient = jetstream(nc, { timeout: PUBLISH_TIMEOUT_MS });
  const consumers = { requests: `guichet-${instance}-requests`, replies: `guichet-${instance}-replies` };
  // Recreated by consumeForever too, should the server lose its store.
  const ensure = async (durable: string, subject: string) => {
    await ensureStream(jsm, stream);
    await ensureConsumer(jsm, stream, durable, subject);
  };
  try {
    await ensure(consumers.requests, subjects.requests);
    await ensure(consumers.replies, subjects.replies);
  } catch (error) {
    await nc.close();
    throw error;
  }
  const consumptions: Consumption[] = [];

  async function start(durable: string, subject: string, process: (message: JsMsg) => Promise<void>): Promise<void> {
    if (consumptions.some((c) => c.durable === durable)) throw new Error(`already consuming ${durable}`);
    const consumption = consumeForever({ js, stream, durable, logger, ensure: () => ensure(durable, subject), process });
    consumptions.push(consumption);
    await consumption.started;
  }

  return {
    async publish(providerInstance, request) {
      const messageId = headerValue(request.headers, 'guichet-message-id');
      if (!messageId) throw new Error('a request published over NATS needs its guichet-message-id header');
      await js.publish(requestSubject(providerInstance), encodeRequest(request), { msgID: messageId, timeout: PUBLISH_TIMEOUT_MS });
    },

    startReceiving(handle) {
      return start(consumers.requests, subjects.requests, async (message) => {
        const request = decoded(message, logger, decodeRequest);
        if (!request) return;
        // Every copy the stream hands over counts as the carrier's own: publishes are deduplicated by
        // message id, and JetStream's delivery count does not survive every server restart (a consumer's
        // state is flushed lazily), so a copy delivered before can come back counted as new. A repeat
        // only sends the stored answer to its sender again; nothing takes effect twice.
        const response = await handle(request, { redelivered: true });
        // One reply per request: a request delivered again and answered again within the window is stored once.
        const replyId = `${headerValue(request.headers, 'guichet-message-id')}:reply`;
        await js.publish(replySubject(senderInstance(request)), encodeReply({ request, response }), { msgID: replyId, timeout: PUBLISH_TIMEOUT_MS });
        message.ack();
      });
    },

    startReplies(handle) {
      return start(consumers.replies, subjects.replies, async (message) => {
        const reply = decoded(message, logger, decodeReply);
        if (!reply) return;
        await handle(reply);
        message.ack();
      });
    },

    async close() {
      await Promise.all(consumptions.map((c) => c.stop()));
      if (!nc.isClosed()) await nc.drain().catch(() => nc.close());
    },
  };
}
