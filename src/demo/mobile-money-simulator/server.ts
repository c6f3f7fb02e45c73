import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { checkSignature, requestMessage, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../modules/payments/providers/signature.ts';
import { closeServer, listen } from '../demo-process.ts';
import { behaviourOf, createOperator, type Behaviour, type Collection } from './operator.ts';
import { phoneLanguage, phonePage } from './phone-page.ts';

export interface SimulatorOptions {
  /** Shared with the platform (MOBILE_MONEY_SECRET): signs callbacks, authenticates API calls. */
  secret: string;
  port?: number;
  host?: string;
  /** Where notifications go: the platform's callback endpoint, registered with the operator. */
  callbackUrl?: string | null;
  promptTtlMs?: number;
  /** How long a `slow` number (…0005) keeps the platform waiting for its collection's answer. */
  slowAnswerMs?: number;
  /** How long before a `replays` number (…0004) sends its callback again. */
  replayDelayMs?: number;
  log?: (message: string) => void;
}

export interface CallbackDelivery {
  eventId: string;
  transactionId: string;
  status: number | null;
}

export interface MobileMoneySimulator {
  url: string;
  setCallbackUrl(url: string): void;
  /** Every callback sent, in order, with the platform's answer (null: unreachable). */
  deliveries: CallbackDelivery[];
  /** Resolves once no callback is in flight. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

const json = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

const collectionView = (c: Collection) => ({
  transactionId: c.transactionId,
  merchantReference: c.merchantReference,
  msisdn: c.msisdn,
  amount: c.amount,
  currency: c.currency,
  status: c.status,
  reason: c.reason,
  createdAt: c.createdAt.toISOString(),
  completedAt: c.completedAt?.toISOString() ?? null,
  refund: c.refund && { refundId: c.refund.refundId, refundedAt: c.refund.refundedAt.toISOString() },
});

/** RFC 4180 fields: quoted when they hold a comma, quote or line break. */
const csvField = (value: string | number) => (/[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

export function statementCsv(collections: readonly Collection[]): string {
  const rows = collections.map((c) => [c.transactionId, c.merchantReference, c.msisdn, c.amount, c.currency, c.completedAt!.toISOString()]);
  return [['transaction_id', 'merchant_reference', 'msisdn', 'amount', 'currency', 'completed_at'], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The simulated operator on its own HTTP server (plain node:http: it is not part of the platform). */
export async function startSimulator(options: SimulatorOptions): Promise<MobileMoneySimulator> {
  const log = options.log ?? (() => {});
  let callbackUrl = options.callbackUrl ?? null;
  const deliveries: CallbackDelivery[] = [];
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];

  /** Posts one signed notification; a failure or 5xx is tried again twice, as operators retry. */
  async function send(body: string, transactionId: string, eventId: string, fixedHeaders?: Record<string, string>) {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      let status: number | null = null;
      if (callbackUrl) {
        try {
          const response = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(fixedHeaders ?? signedHeaders(options.secret, body)) }, body });
          status = response.status;
          await response.arrayBuffer();
        } catch (error) {
          log(`callback ${eventId} failed: ${String(error)}`);
        }
      }
      deliveries.push({ eventId, transactionId, status });
      if (status !== null && status < 500) return;
      if (!callbackUrl) return;
      await sleep(500 * attempt);
    }
  }

  async function notify(collection: Collection, behaviour: Behaviour) {
    if (behaviour === 'silent') return;
    const notice = (eventId: string) =>
      JSON.stringify({
        eventId,
        transactionId: collection.transactionId,
        merchantReference: collection.merchantReference,
        msisdn: collection.msisdn,
        status: collection.status,
        amount: collection.amount,
        currency: collection.currency,
        reason: collection.reason,
        completedAt: collection.completedAt?.toISOString(),
      });
    const eventId = randomUUID();
    const body = notice(eventId);
    const headers = signedHeaders(options.secret, body);
    if (behaviour === 'duplicates') {
      const second = randomUUID();
      await Promise.all([send(body, collection.transactionId, eventId, headers), send(notice(second), collection.transactionId, second)]);
      return;
    }
    await send(body, collection.transactionId, eventId, headers);
    if (behaviour === 'replays') {
      await sleep(options.replayDelayMs ?? 1000);
      await send(body, collection.transactionId, eventId, headers);
    }
  }

  const operator = createOperator({
    promptTtlMs: options.promptTtlMs ?? 5 * 60_000,
    completed(collection, behaviour) {
      inFlight += 1;
      void notify(collection, behaviour).finally(() => {
        inFlight -= 1;
        if (inFlight === 0) for (const resolve of idleWaiters.splice(0)) resolve();
      });
    },
  });

  function authenticated(request: http.IncomingMessage, path: string, body: string) {
    const check = checkSignature(options.secret, { timestamp: request.headers[TIMESTAMP_HEADER], signature: request.headers[SIGNATURE_HEADER] }, requestMessage(request.method ?? 'GET', path, body));
    return check.ok;
  }

  async function api(request: http.IncomingMessage, response: http.ServerResponse, url: URL, body: string) {
    if (!authenticated(request, url.pathname + url.search, body)) return json(response, 401, { error: 'unauthorised' });
    if (request.method === 'POST' && url.pathname === '/v1/collections') {
      const input = JSON.parse(body) as { merchantReference?: unknown; msisdn?: unknown; amount?: unknown; currency?: unknown; description?: unknown };
      if (typeof input.merchantReference !== 'string' || typeof input.msisdn !== 'string' || !/^\d{8,15}$/.test(input.msisdn) || !Number.isSafeInteger(input.amount) || (input.amount as number) <= 0 || typeof input.currency !== 'string') {
        return json(response, 400, { error: 'invalid_request' });
      }
      const collection = operator.collect({ merchantReference: input.merchantReference, msisdn: input.msisdn, amount: input.amount as number, currency: input.currency, description: String(input.description ?? '') });
      if (behaviourOf(collection.msisdn) === 'slow') await sleep(options.slowAnswerMs ?? 30_000);
      return json(response, 202, collectionView(collection));
    }
    if (request.method === 'GET' && url.pathname === '/v1/collections') {
      const collection = operator.byMerchantReference(url.searchParams.get('merchantReference') ?? '');
      return collection ? json(response, 200, collectionView(collection)) : json(response, 404, { error: 'not_found' });
    }
    const refund = /^\/v1\/collections\/([A-Z0-9]+)\/refund$/.exec(url.pathname);
    if (request.method === 'POST' && refund) {
      const collection = operator.refund(refund[1]!, String((JSON.parse(body || '{}') as { reason?: unknown }).reason ?? ''));
      return collection ? json(response, 200, collectionView(collection)) : json(response, 409, { error: 'not_refundable' });
    }
    return json(response, 404, { error: 'not_found' });
  }

  async function route(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const body = await readBody(request);
    if (url.pathname.startsWith('/v1/collections')) return api(request, response, url, body);
    const statement = /^\/v1\/statements\/(\d{4}-\d{2}-\d{2})\.csv$/.exec(url.pathname);
    if (request.method === 'GET' && statement) {
      response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="statement-${statement[1]}.csv"` });
      return response.end(statementCsv(operator.statement(statement[1]!)));
    }
    const language = phoneLanguage(url.searchParams.get('lang'));
    const phone = /^\/phone\/(\d{8,15})$/.exec(url.pathname);
    if (request.method === 'GET' && phone) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return response.end(phonePage(phone[1]!, operator.phone(phone[1]!), language));
    }
    const answer = /^\/phone\/(\d{8,15})\/prompts\/([A-Z0-9]+)$/.exec(url.pathname);
    if (request.method === 'POST' && answer) {
      operator.answer(answer[2]!, answer[1]!, new URLSearchParams(body).get('answer') === 'confirm');
      response.writeHead(303, { location: `/phone/${answer[1]}?lang=${language}` });
      return response.end();
    }
    return json(response, 404, { error: 'not_found' });
  }

  const server = http.createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!response.headersSent) json(response, 400, { error: 'bad_request' });
      else response.end();
    });
  });
  // Unanswered prompts expire even when nobody looks at the phone, so their FAILED callback goes out.
  const expiry = setInterval(() => operator.expirePrompts(), 5000);
  expiry.unref();
  const url = await listen(server, options.port, options.host);
  return {
    url,
    setCallbackUrl: (url) => {
      callbackUrl = url;
    },
    deliveries,
    whenIdle: () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    close: async () => {
      clearInterval(expiry);
      idleWaiters = [];
      await closeServer(server);
    },
  };
}
