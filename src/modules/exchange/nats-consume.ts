import type { ConsumerMessages, ConsumerNotification, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { retryDelayMs } from './nats-envelope.ts';

export interface NatsLogger {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

export interface Consumption {
  durable: string;
  /** Resolves once messages flow; rejects when the first attempt fails (nothing keeps running then). */
  started: Promise<void>;
  /** Stops pulling and waits for the messages in hand. */
  stop(): Promise<void>;
}

interface ConsumeOptions {
  js: JetStreamClient;
  stream: string;
  durable: string;
  logger: NatsLogger;
  /** Creates the stream and the durable consumer if missing. */
  ensure: () => Promise<void>;
  /** Handles one message and settles it (ack or term); throwing naks it with a growing delay. */
  process: (message: JsMsg) => Promise<void>;
}

/**
 * Messages handled at once per consumer, and pulled ahead: enough to overlap the database round trips
 * of `process`, few enough that a stopped process leaves little waiting for the ack timeout.
 */
const CONCURRENCY = 16;
const RESTART_DELAY_MS = 1000;

/**
 * The library's `consume()` already re-pulls after a reconnection. What it does not recover from —
 * the consumer or stream gone (a server that lost its store), heartbeats missed on a connection that
 * looks alive — ends this iteration; the loop then recreates the consumer and consumes again, forever.
 */
function mustRestart(notification: ConsumerNotification): boolean {
  switch (notification.type) {
    case 'heartbeats_missed':
      return notification.count >= 2;
    case 'consumer_not_found':
    case 'consumer_deleted':
    case 'stream_not_found':
      return true;
    default:
      return false;
  }
}

export function consumeForever(options: ConsumeOptions): Consumption {
  const { js, stream, durable, logger } = options;
  let stopping = false;
  let current: ConsumerMessages | undefined;
  let wake = () => {};
  const inFlight = new Set<Promise<void>>();

  async function watch(messages: ConsumerMessages) {
    for await (const notification of messages.status()) {
      if (!mustRestart(notification)) continue;
      logger.warn({ durable, notification }, 'exchange: NATS consumer lost, consuming again');
      messages.stop();
    }
  }

  function settle(message: JsMsg) {
    const handled = options.process(message).catch((error: unknown) => {
      const delayMs = retryDelayMs(message.info.deliveryCount);
      logger.warn({ err: error, durable, subject: message.subject, deliveryCount: message.info.deliveryCount, delayMs }, 'exchange: NATS message not handled, retrying later');
      try {
        message.nak(delayMs);
      } catch {
        // The connection is closed: unacknowledged, the message comes back after the ack wait anyway.
      }
    });
    const tracked = handled.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  async function open(): Promise<ConsumerMessages> {
    await options.ensure();
    const consumer = await js.consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: CONCURRENCY });
    current = messages;
    // stop() may have come while this was opening: the loop must not start over on a live consumer.
    if (stopping) messages.stop();
    void watch(messages);
    return messages;
  }

  async function drain(messages: ConsumerMessages) {
    for await (const message of messages) {
      while (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
      settle(message);
    }
  }

  async function run(first: ConsumerMessages) {
    let messages: ConsumerMessages | undefined = first;
    while (!stopping) {
      try {
        messages ??= await open();
        await drain(messages);
      } catch (error) {
        if (!stopping) logger.warn({ err: error, durable }, 'exchange: NATS consumption interrupted');
      }
      messages = undefined;
      if (!stopping) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, RESTART_DELAY_MS)));
    }
  }

  let loop: Promise<void> | undefined;
  const started = open().then((first) => {
    loop = run(first);
  });

  return {
    durable,
    started,
    async stop() {
      stopping = true;
      current?.stop();
      wake();
      await started.catch(() => undefined);
      await loop;
      await Promise.all(inFlight);
    },
  };
}
