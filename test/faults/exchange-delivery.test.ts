import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/applications.ts';
import type { ApiClient, ApiResponse } from '../support/client.ts';
import { federate, transitDeclaration } from '../support/federation.ts';
import { guichetInstance, type GuichetInstance } from '../support/guichet-process.ts';
import { startNatsServer, type NatsServer } from '../support/nats-server.ts';

/**
 * Issue 5's fault tests of asynchronous delivery, with real processes: country A (KD) sends 1,000
 * transit declarations to country B (KB) while B is down, while A itself is killed, and while the
 * NATS server carrying them restarts — and B takes each exactly once.
 */
const MESSAGES = 1000;
/** How long B stays down in the first scenario; the requirement says 60 s (change it only to experiment locally). */
const OUTAGE_SECONDS = Number(process.env.FAULT_OUTAGE_SECONDS ?? 60);
/** Requests A's customs officer has in flight at once. */
const SENDERS = 4;
/** B has received this many when the fault strikes: well into the stream, far from its end. */
const STRIKE_AFTER = 300;

/**
 * A's delivery schedule. Production retries after 1 s, doubling to 1 h (EXCHANGE_RETRY_BASE_MS /
 * EXCHANGE_RETRY_CAP_MS), over 15 attempts (about nine hours): here 0.5 s doubling to 5 s, so delivery
 * resumes within seconds of B's return; retries that frequent spend ~20 attempts on a 60 s outage, so
 * A may make up to 100 before a message is dead. A delivery held by a process that dies is handed
 * back when its lease ends (EVENT_LEASE_SECONDS, 300 in production): 10 s here.
 */
const SENDER_SETTINGS = { EXCHANGE_INSTANCE: 'KD', EXCHANGE_RETRY_BASE_MS: '500', EXCHANGE_RETRY_CAP_MS: '5000', EXCHANGE_MAX_ATTEMPTS: '100', EVENT_LEASE_SECONDS: '10' };

type OutboxStatus = 'pending' | 'delivered' | 'refused' | 'dead';
interface OutboxEntry {
  messageId: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
}

let a: GuichetInstance;
let b: GuichetInstance;
let nats: NatsServer | undefined;
let adminA: ApiClient;
let customsA: ApiClient;
let customsB: ApiClient;
let auditorA: ApiClient;

beforeAll(async () => {
  [a, b] = await Promise.all([guichetInstance(SENDER_SETTINGS), guichetInstance({ EXCHANGE_INSTANCE: 'KB' })]);
  await Promise.all([a.start(), b.start()]);
  let adminB: ApiClient;
  [adminA, adminB, customsA, customsB, auditorA] = await Promise.all([signedIn(a.url, 'admin'), signedIn(b.url, 'admin'), signedIn(a.url, 'karim.benali'), signedIn(b.url, 'karim.benali'), signedIn(a.url, 'leila.haddad')]);
  await federate({ admin: adminA, instance: 'KD', url: a.url }, { admin: adminB, instance: 'KB', url: b.url });
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.destroy(), b?.destroy(), nats?.destroy()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A scenario starts with both instances up (the one before may have failed with one of them down). */
const bothRunning = () => Promise.all([a.running() || a.start(), b.running() || b.start()]);

/**
 * A's customs officer sending the transit declarations `<prefix>-000001`…`<prefix>-001000`, `SENDERS`
 * requests at a time. `send()` sends the numbers not sent yet and resolves once every sender is done
 * — or has failed: a request cut off by A's crash leaves its number `unsure` (committed or not, only
 * A's audit trail can tell), and that sender stops.
 */
function declarationSender(prefix: string) {
  const messageIds = new Map<string, string>();
  const unsure = new Set<string>();
  let next = 0;
  const declare = async (number: string) => {
    const sent = await customsA.request('POST', '/api/federation/partners/KB/transit-declarations', transitDeclaration(number, `CO-${prefix}`));
    if (sent.status !== 202) throw new Error(`${number} was not accepted: ${sent.status} ${JSON.stringify(sent.body)}`);
    messageIds.set(number, sent.body.messageId);
  };
  const sender = async () => {
    while (next < MESSAGES) {
      const number = `${prefix}-${String(++next).padStart(6, '0')}`;
      try {
        await declare(number);
      } catch (error) {
        unsure.add(number);
        throw error;
      }
    }
  };
  return {
    sent: () => messageIds.size,
    ids: () => [...messageIds.values()],
    unsure,
    /** Rejects with the first failure, once all senders have stopped. */
    async send() {
      const outcomes = await Promise.allSettled(Array.from({ length: SENDERS }, sender));
      const failure = outcomes.find((o) => o.status === 'rejected');
      if (failure) throw failure.reason;
    },
    /** After a crash: an unsure number A's audit trail records as sent keeps that message id; one it does not is sent now. */
    async settleUnsure(auditor: ApiClient) {
      for (const number of unsure) {
        const entries = await auditor.request('GET', `/api/audit/entries?action=crossborder.transit_declaration_sent&recordId=${number}`);
        expect(entries.status).toBe(200);
        expect(entries.body.items.length, `${number} was sent more than once`).toBeLessThanOrEqual(1);
        const committed = entries.body.items[0]?.details.messageId as string | undefined;
        if (committed) messageIds.set(number, committed);
        else await declare(number);
        unsure.delete(number);
      }
    },
  };
}

/** A's outbox entries for these message ids, read page by page from the console API. */
async function outboxEntries(ids: readonly string[]): Promise<OutboxEntry[]> {
  const wanted = new Set(ids);
  const found: OutboxEntry[] = [];
  let before: string | null = null;
  do {
    const page: ApiResponse<{ items: OutboxEntry[]; nextBefore: string | null }> = await adminA.request('GET', `/api/exchange/outbox?limit=200${before ? `&before=${before}` : ''}`);
    if (page.status !== 200) throw new Error(`A's outbox: ${page.status} ${JSON.stringify(page.body)}`);
    found.push(...page.body.items.filter((entry) => wanted.has(entry.messageId)));
    before = page.body.nextBefore;
  } while (before && found.length < wanted.size);
  return found;
}

const byStatus = (entries: readonly OutboxEntry[]) => {
  const counts: Record<OutboxStatus, number> = { pending: 0, delivered: 0, refused: 0, dead: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
};

/** What A's outbox and both processes say, for a failure message. */
async function diagnosis(ids: readonly string[]): Promise<string> {
  const summary = a.running() ? (await adminA.request('GET', '/api/exchange/traffic/summary')).body : 'A is not running';
  const entries = a.running() ? await outboxEntries(ids) : [];
  const errors = [...new Set(entries.flatMap((e) => (e.status !== 'delivered' && e.lastError ? [e.lastError] : [])))].slice(0, 5);
  return [
    `outbox summary: ${JSON.stringify(summary?.outbox ?? summary)}`,
    `these ${ids.length} messages: ${JSON.stringify(byStatus(entries))} (${entries.length} found)`,
    `last errors: ${errors.join(' | ') || 'none'}`,
    `A's output (end): ${a.output().slice(-3000)}`,
    `B's output (end): ${b.output().slice(-3000)}`,
  ].join('\n');
}

/** Polls until `check` answers something, or fails naming what it waited for and how things stand. */
async function waitFor<T>(what: string, ids: readonly string[], timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}\n${await diagnosis(ids)}`);
    await sleep(500);
  }
}

/** Until A owes nothing: no outbox row pending. */
async function waitUntilSettled(ids: readonly string[], timeoutMs: number): Promise<void> {
  await waitFor("A's outbox to have nothing pending", ids, timeoutMs, async () => {
    const summary = await adminA.request('GET', '/api/exchange/traffic/summary');
    return summary.status === 200 && summary.body.outbox.pending === 0 ? true : undefined;
  });
}

/** How many of these declarations B's customs lists (it shows the newest 500: enough to see a stream under way). */
async function receivedSoFar(prefix: string): Promise<number> {
  const list = await customsB.request('GET', '/api/federation/documents');
  return list.status === 200 ? (list.body.items as { reference: string }[]).filter((d) => d.reference.startsWith(`${prefix}-`)).length : 0;
}

/**
 * What B's database holds for these messages. B's API lists only the newest documents, so the rows
 * are counted in its database: PGlite's is opened here once B is stopped (and B started again).
 */
async function heldByB(prefix: string, ids: readonly string[]) {
  const restart = !b.server && b.running();
  if (restart) await b.halt();
  const database = await b.openDatabase();
  try {
    const documents = await database.db.selectFrom('crossborder_documents').select(['message_id', 'reference', 'kind']).where('reference', 'like', `${prefix}-%`).execute();
    const inbox = await database.db.selectFrom('exchange_inbox').select('message_id').where('message_id', 'in', [...ids]).execute();
    return { documents, inbox: inbox.map((row) => row.message_id) };
  } finally {
    await database.close();
    if (restart) await b.start();
  }
}

/** The exactly-once facts: A delivered every message, B took each once — one inbox row, one document, each number once. */
async function expectExactlyOnce(prefix: string, ids: readonly string[]) {
  expect(new Set(ids).size).toBe(MESSAGES);
  const entries = await outboxEntries(ids);
  expect(byStatus(entries), await diagnosis(ids)).toEqual({ pending: 0, delivered: MESSAGES, refused: 0, dead: 0 });
  const held = await heldByB(prefix, ids);
  expect(held.documents).toHaveLength(MESSAGES);
  expect(held.documents.every((d) => d.kind === 'transit_declaration')).toBe(true);
  expect(new Set(held.documents.map((d) => d.reference)).size).toBe(MESSAGES);
  expect(new Set(held.documents.map((d) => d.message_id))).toEqual(new Set(ids));
  expect(held.inbox).toHaveLength(MESSAGES);
  expect(new Set(held.inbox)).toEqual(new Set(ids));
}

/** `guichet exchange verify-log` (and the audit trail's verification) on an instance, halted. */
async function expectIntactChains(instance: GuichetInstance) {
  const log = await instance.command(['exchange', 'verify-log']);
  expect(log.output).toContain('exchange message log intact');
  expect(log.code).toBe(0);
  const audit = await instance.command(['audit', 'verify']);
  expect(audit.output).toContain('audit chain intact');
  expect(audit.code).toBe(0);
}

/**
 * Time to strike: B has received STRIKE_AFTER, or (on a loaded machine, where B falls behind) A's
 * officer has sent most of the stream — either way messages are still owed and deliveries in flight.
 */
async function midStream(prefix: string, declarations: { sent(): number }): Promise<true | undefined> {
  if (declarations.sent() >= MESSAGES * 0.7) return true;
  return (await receivedSoFar(prefix)) >= STRIKE_AFTER ? true : undefined;
}

describe('exchange delivery under faults', () => {
  it(`delivers 1,000 messages exactly once to an instance that was down for ${OUTAGE_SECONDS} s`, async () => {
    await bothRunning();
    expect(await b.halt('SIGTERM')).toBe(0);
    const downSince = Date.now();
    const declarations = declarationSender('DOWN');
    await declarations.send();
    const ids = declarations.ids();

    // Every message is owed, and A has been trying: B refused nothing, it simply was not there.
    await sleep(downSince + OUTAGE_SECONDS * 1000 - Date.now());
    const owed = await outboxEntries(ids);
    expect(byStatus(owed)).toEqual({ pending: MESSAGES, delivered: 0, refused: 0, dead: 0 });
    // On a loaded machine A may not have tried the last ones yet when the minute is up: it must, before B returns.
    await waitFor('A to have tried every message', [], 60_000, async () => ((await outboxEntries(ids)).every((e) => e.attempts >= 1 && e.lastError !== null) ? true : undefined));

    await b.start();
    await waitUntilSettled(ids, 120_000);
    await expectExactlyOnce('DOWN', ids);
  }, 360_000);

  it('loses nothing and applies nothing twice when the sender is killed mid-stream', async () => {
    await bothRunning();
    // A delivers about as fast as its officer sends, so A dies with messages owed, deliveries held and requests in flight.
    const declarations = declarationSender('KILL');
    // Caught at once: the senders fail while the test is busy killing A.
    const stopped = declarations.send().then(() => null, (error: unknown) => error);
    await waitFor(`B to receive ${STRIKE_AFTER} before A is killed`, [], 60_000, () => midStream('KILL', declarations));
    expect(declarations.sent()).toBeLessThan(MESSAGES);
    expect(await a.halt('SIGKILL')).toBe('SIGKILL');
    expect(await stopped).toBeInstanceOf(Error);

    // PGlite must recover its directory after the crash; the deliveries A held come back when their lease ends.
    await a.start();
    await declarations.settleUnsure(auditorA);
    await declarations.send();
    const ids = declarations.ids();
    await waitUntilSettled(ids, 120_000);
    await expectExactlyOnce('KILL', ids);
    await Promise.all([a.halt(), b.halt()]);
    await expectIntactChains(a);
    await expectIntactChains(b);
  }, 360_000);

  it('delivers exactly once over NATS JetStream through a restart of the NATS server', async () => {
    nats = await startNatsServer();
    await Promise.all([a.halt(), b.halt()]);
    await Promise.all([a.start({ NATS_URL: nats.url }), b.start({ NATS_URL: nats.url })]);
    // NATS delivers as fast as the officer sends: the server restarts while the officer is still sending.
    const declarations = declarationSender('NATS');
    const sending = declarations.send().then(() => 'all sent', (error: unknown) => error);
    await waitFor(`B to receive ${STRIKE_AFTER} before NATS restarts`, [], 60_000, () => midStream('NATS', declarations));
    expect(declarations.sent()).toBeLessThan(MESSAGES);
    await nats.stop();
    await sleep(2000);
    await nats.start();
    expect(await sending).toBe('all sent');

    const ids = declarations.ids();
    await waitUntilSettled(ids, 120_000);
    await expectExactlyOnce('NATS', ids);
  }, 360_000);
});
