import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../database.ts';
import type { Db } from '../../platform/db/database.ts';
import { startingWith } from '../../platform/db/like.ts';
import { listAccessRights } from './access-rights.ts';
import type { OutboxStatus } from './delivery-schema.ts';
import type { Direction, LogEntry } from './log-chain.ts';
import { keyViewOf, type MemberKeyView } from './members-keys.ts';
import { listServices, type ServiceView } from './services.ts';
import { DAY_MS, HOUR_MS, outcomeOf, summariseTraffic, type Outcome, type TrafficSummary } from './traffic-summary.ts';

/**
 * What the exchange console reads: the registry as one picture, the message log and the outbox.
 * Read-only; the changes go through the registry's own routes and the exchange's replay.
 */

/** A keyset page: the rows, and the cursor of the next page when more rows were found than asked for. */
export function keysetPage<T, K>(rows: readonly T[], limit: number, cursorOf: (row: T) => K): { items: T[]; nextBefore: K | null } {
  const last = rows[limit - 1];
  return { items: rows.slice(0, limit), nextBefore: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

export interface ServiceWithClients extends ServiceView {
  /** The members granted this version. */
  clients: string[];
}

export async function servicesWithClients(db: Db): Promise<ServiceWithClients[]> {
  const [services, rights] = await Promise.all([listServices(db), listAccessRights(db)]);
  const clients = new Map<string, string[]>();
  for (const right of rights) clients.set(right.serviceId, [...(clients.get(right.serviceId) ?? []), right.client]);
  return services.map((service) => ({ ...service, clients: clients.get(service.id) ?? [] }));
}

/** Every key of every member, with the retired and revoked ones: the console counts and lists them by member. */
export async function allMemberKeys(db: Db): Promise<MemberKeyView[]> {
  return (await db.selectFrom('exchange_member_keys').selectAll().orderBy('created_at').orderBy('kid').execute()).map(keyViewOf);
}

export interface TrafficQuery {
  /** A member or subsystem: a member covers its subsystems (KD/GOV/CUSTOMS finds KD/GOV/CUSTOMS/clearance). */
  peer?: string;
  /** A provider, a provider's service, or one version of it (`KD/GOV/COMMERCE/licences/check-licence`). */
  service?: string;
  status?: string;
  direction?: Direction;
  /** Keyset paging: entries with a smaller sequence number. */
  before?: number;
  limit: number;
}

/** A log entry as the console shows it: without the hashes and the signature, with what its status means. */
export type TrafficEntry = Pick<LogEntry, 'seq' | 'loggedAt' | 'messageId' | 'direction' | 'kind' | 'peer' | 'service' | 'status'> & { outcome: Outcome };

/** An identifier and whatever it names below it, never a sibling that merely starts alike (KD/GOV/COMMERCE2). */
const within = (column: 'peer' | 'service', identifier: string) => (eb: ExpressionBuilder<Database, 'exchange_message_log'>) =>
  eb.or([eb(column, '=', identifier), eb(column, 'like', startingWith(`${identifier}/`))]);

/** The message log, newest first. */
export async function trafficPage(db: Db, query: TrafficQuery) {
  let select = db.selectFrom('exchange_message_log').select(['seq', 'logged_at', 'message_id', 'direction', 'kind', 'peer', 'service', 'status']);
  if (query.peer) select = select.where(within('peer', query.peer));
  if (query.service) select = select.where(within('service', query.service));
  if (query.status) select = select.where('status', '=', query.status);
  if (query.direction) select = select.where('direction', '=', query.direction);
  if (query.before !== undefined) select = select.where('seq', '<', query.before);
  const rows = await select.orderBy('seq', 'desc').limit(query.limit + 1).execute();
  const entries: TrafficEntry[] = rows.map((row) => ({
    // bigint: the PostgreSQL driver reads it as text.
    seq: Number(row.seq),
    loggedAt: row.logged_at.toISOString(),
    messageId: row.message_id,
    direction: row.direction,
    kind: row.kind,
    peer: row.peer,
    service: row.service,
    status: row.status,
    outcome: outcomeOf(row.status),
  }));
  return keysetPage(entries, query.limit, (entry) => entry.seq);
}

/** The outbox states that call for attention, counted now. */
export type OutboxBacklog = Record<Exclude<OutboxStatus, 'delivered'>, number>;

export interface ExchangeHealth extends TrafficSummary {
  outbox: OutboxBacklog;
}

/** The last hour's and the last day's messages by direction and status, and what the outbox still owes. */
export async function trafficHealth(db: Db, now = new Date()): Promise<ExchangeHealth> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const counts = await db
    .selectFrom('exchange_message_log')
    .select(['direction', 'status', sql<number>`count(*) filter (where logged_at >= ${hourAgo})::int`.as('lastHour'), sql<number>`count(*)::int`.as('lastDay')])
    .where('logged_at', '>=', new Date(now.getTime() - DAY_MS))
    .groupBy(['direction', 'status'])
    .execute();
  const backlog = await db
    .selectFrom('exchange_outbox')
    .select(['status', sql<number>`count(*)::int`.as('count')])
    .where('status', 'in', ['pending', 'refused', 'dead'])
    .groupBy('status')
    .execute();
  const outbox: OutboxBacklog = { pending: 0, refused: 0, dead: 0 };
  for (const row of backlog) if (row.status !== 'delivered') outbox[row.status] = row.count;
  return { ...summariseTraffic(counts, now), outbox };
}

export interface OutboxQuery {
  status?: OutboxStatus;
  /** Keyset paging: messages with a smaller id. Message ids are UUIDv7, so this is older messages. */
  before?: string;
  limit: number;
}

export interface OutboxEntry {
  messageId: string;
  client: string;
  provider: string;
  service: string;
  version: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** Asynchronous messages, newest first (UUIDv7 ids sort by creation time). Bodies stay out: they may name people. */
export async function outboxPage(db: Db, query: OutboxQuery) {
  let select = db
    .selectFrom('exchange_outbox')
    .select(['message_id', 'client', 'provider', 'service_code', 'service_version', 'status', 'attempts', 'last_error', 'response_status', 'created_at', 'delivered_at']);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.before) select = select.where('message_id', '<', query.before);
  const rows = await select.orderBy('message_id', 'desc').limit(query.limit + 1).execute();
  const entries: OutboxEntry[] = rows.map((row) => ({
    messageId: row.message_id,
    client: row.client,
    provider: row.provider,
    service: row.service_code,
    version: row.service_version,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    responseStatus: row.response_status,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  }));
  return keysetPage(entries, query.limit, (entry) => entry.messageId);
}
