import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMessageId } from '../../src/modules/exchange/message-id.ts';
import type { Reply } from '../../src/modules/exchange/nats-envelope.ts';
import type { RequestDescription, ResponseDescription } from '../../src/modules/exchange/signing-base.ts';
import { connectNatsTransport, type NatsTransport } from '../../src/modules/exchange/transport-nats.ts';
import { startNatsServer, type NatsServer } from '../support/nats-server.ts';

interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
}

function memoryLogger() {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (_: object, message: string) => void lines.push({ level, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A request as the exchange signs it (the transport never looks inside the signature), with arbitrary body bytes. */
function request(client: string, body: Uint8Array = randomBytes(64)): RequestDescription {
  return {
    method: 'POST',
    targetUri: 'https://bb.example/exchange/BB/GOV/HEALTH/permits/check-permit/v1',
    headers: {
      'content-type': 'application/json',
      'guichet-message-id': newMessageId(),
      'guichet-client': client,
      'guichet-case': 'AA-2026-000123',
      'content-digest': `sha-256=:${randomBytes(32).toString('base64')}:`,
      'signature-input': 'guichet=("@method" "@target-uri" "content-digest" "guichet-message-id" "guichet-client" "guichet-case");created=1795464000;keyid="k";alg="ed25519"',
      signature: `guichet=:${randomBytes(64).toString('base64')}:`,
    },
    body,
  };
}

const answerTo = (incoming: RequestDescription): ResponseDescription => ({
  status: 200,
  headers: { 'content-type': 'application/json', 'guichet-message-id': newMessageId(), signature: 'guichet=:c2lnbmVk:' },
  body: JSON.stringify({ answered: incoming.headers['guichet-message-id'] }),
});

const bytes = (body: Uint8Array | string) => new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body);
const idOf = (r: RequestDescription) => r.headers['guichet-message-id']!;

/** Resolves when `check` holds, polling; fails the test past the deadline. */
async function eventually(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('NATS JetStream transport', () => {
  let server: NatsServer;
  const transports: NatsTransport[] = [];
  const open = async (instance: string, logger = memoryLogger()) => {
    const transport = await connectNatsTransport({ url: server.url, instance, logger });
    transports.push(transport);
    return transport;
  };

  beforeAll(async () => {
    server = await startNatsServer();
  });

  afterAll(async () => {
    await Promise.all(transports.map((t) => t.close()));
    await server?.destroy();
  });

  it('carries a request to the provider instance byte for byte, and its answer back to the sender', async () => {
    const provider = await open('BB');
    const sender = await open('AA');
    const seen: RequestDescription[] = [];
    const replies: Reply[] = [];
    await provider.startReceiving(async (incoming) => {
      seen.push(incoming);
      return answerTo(incoming);
    });
    await sender.startReplies(async (reply) => void replies.push(reply));

    const sent = request('AA/GOV/CUSTOMS/clearance', new Uint8Array([0, 255, 1, 128, 0x7b, 0x22]));
    await sender.publish('BB', sent);
    await eventually(() => replies.length === 1, 10_000, 'the reply');

    expect(seen).toHaveLength(1);
    expect({ ...seen[0]!, body: bytes(seen[0]!.body) }).toEqual({ ...sent, body: bytes(sent.body) });
    const [reply] = replies;
    expect({ ...reply!.request, body: bytes(reply!.request.body) }).toEqual({ ...sent, body: bytes(sent.body) });
    expect(reply!.response.status).toBe(200);
    expect(Buffer.from(reply!.response.body).toString()).toBe(JSON.stringify({ answered: idOf(sent) }));
    expect(reply!.response.headers['signature']).toBe('guichet=:c2lnbmVk:');
  });

  it('stores a request published twice within the duplicate window once', async () => {
    const sender = await open('AA');
    const sent = request('AA/GOV/CUSTOMS/clearance');
    await sender.publish('DD', sent);
    await sender.publish('DD', sent);
    await sender.publish('DD', request('AA/GOV/CUSTOMS/clearance'));

    const nc = await connect({ servers: server.url });
    const info = await (await jetstreamManager(nc)).streams.info('GUICHET_EXCHANGE', { subjects_filter: 'guichet.exchange.DD.requests' });
    await nc.close();
    expect(info.state.subjects).toEqual({ 'guichet.exchange.DD.requests': 2 });
  });

  it('drops a message that is not an envelope, and retries a request whose handling failed', async () => {
    const logger = memoryLogger();
    const provider = await open('EE', logger);
    const attempts = new Map<string, number>();
    await provider.startReceiving(async (incoming) => {
      const count = (attempts.get(idOf(incoming)) ?? 0) + 1;
      attempts.set(idOf(incoming), count);
      if (count === 1) throw new Error('database unavailable');
      return answerTo(incoming);
    });
    const nc = await connect({ servers: server.url });
    const js = (await jetstreamManager(nc)).jetstream();
    await js.publish('guichet.exchange.EE.requests', 'not json');
    await js.publish('guichet.exchange.EE.requests', JSON.stringify({ method: 'POST', targetUri: 'x', headers: {}, body: '' }));
    await nc.close();
    const sent = request('AA/GOV/CUSTOMS/clearance');
    await (await open('AA')).publish('EE', sent);

    await eventually(() => attempts.get(idOf(sent)) === 2, 10_000, 'the second attempt');
    expect([...attempts.keys()]).toEqual([idOf(sent)]);
    expect(logger.lines.filter((l) => l.message === 'exchange: malformed NATS message dropped')).toHaveLength(2);
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('retrying later'))).toBe(true);
  });
});

describe('NATS JetStream transport across a server restart', () => {
  let server: NatsServer;

  beforeAll(async () => {
    server = await startNatsServer();
  });

  afterAll(async () => {
    await server?.destroy();
  });

  it('loses none of 1,000 requests published while the server restarts', { timeout: 90_000 }, async () => {
    const provider = await connectNatsTransport({ url: server.url, instance: 'BB', logger: memoryLogger() });
    const sender = await connectNatsTransport({ url: server.url, instance: 'AA', logger: memoryLogger() });
    const received = new Map<string, number>();
    const answered = new Set<string>();
    await provider.startReceiving(async (incoming) => {
      received.set(idOf(incoming), (received.get(idOf(incoming)) ?? 0) + 1);
      return answerTo(incoming);
    });
    await sender.startReplies(async (reply) => void answered.add(idOf(reply.request)));

    const requests = Array.from({ length: 1000 }, () => request('AA/GOV/CUSTOMS/clearance'));
    let published = 0;
    let restart: Promise<void> | undefined;
    // How far both sides had got when the server came back: the rest went through the new server.
    let whenBack: { published: number; received: number } | undefined;
    const publishUntilAcked = async (r: RequestDescription) => {
      for (;;) {
        try {
          await sender.publish('BB', r);
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      published += 1;
      if (published === 300) restart = server.stop().then(() => server.start()).then(() => void (whenBack = { published, received: received.size }));
    };
    // Eight publishers in parallel, as the outbox would deliver.
    const lanes = Array.from({ length: 8 }, (_, lane) => requests.filter((_, i) => i % 8 === lane));
    await Promise.all(lanes.map(async (lane) => {
      for (const r of lane) await publishUntilAcked(r);
    }));
    await restart;

    await eventually(() => answered.size === 1000, 60_000, 'every reply');
    expect(whenBack!.published).toBeLessThan(1000);
    expect(whenBack!.received).toBeLessThan(1000);
    expect([...received.keys()].sort()).toEqual(requests.map(idOf).sort());
    expect(received.size).toBe(1000);
    await Promise.all([provider.close(), sender.close()]);
  });
});
