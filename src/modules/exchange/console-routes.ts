import { Type, type TSchema } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { changeContext } from '../../platform/http/request-context.ts';
import { Closed, errors } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { listAccessRights } from './access-rights.ts';
import { allMemberKeys, outboxPage, servicesWithClients, trafficHealth, trafficPage } from './console-queries.ts';
import * as S from './http-schema.ts';
import { MESSAGE_ID } from './message-id.ts';
import type { Exchange } from './service.ts';

const tags = ['exchange'];
const DateTime = Type.String({ format: 'date-time' });
const Outcome = Type.Union([Type.Literal('ok'), Type.Literal('refused'), Type.Literal('failed')], { description: 'ok: accepted or 2xx; refused: a refusal code; failed: another HTTP status' });
const Direction = Type.Union([Type.Literal('in'), Type.Literal('out')]);
const OutboxStatus = Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('refused'), Type.Literal('dead')]);
const MessageId = Type.String({ pattern: MESSAGE_ID.source, description: 'a UUIDv7' });
const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });
const Filter = Type.String({ minLength: 1, maxLength: 200 });

const TrafficEntry = Type.Object({
  seq: Type.Integer(),
  loggedAt: DateTime,
  messageId: Type.String(),
  direction: Direction,
  kind: Type.Union([Type.Literal('request'), Type.Literal('response')]),
  peer: Type.String(),
  service: Type.String(),
  status: Type.String({ description: '`accepted`, a refusal code, or a response’s HTTP status' }),
  outcome: Outcome,
});

const DirectionCounts = Type.Object({
  total: Type.Integer(),
  ok: Type.Integer(),
  refused: Type.Integer(),
  failed: Type.Integer(),
  statuses: Type.Array(Type.Object({ status: Type.String(), outcome: Outcome, count: Type.Integer() })),
});
const WindowCounts = Type.Object({ since: DateTime, in: DirectionCounts, out: DirectionCounts });
const Health = Type.Object({
  at: DateTime,
  lastHour: WindowCounts,
  lastDay: WindowCounts,
  outbox: Type.Object({ pending: Type.Integer(), refused: Type.Integer(), dead: Type.Integer() }, { description: 'asynchronous messages still owed, finally refused, or dead (to replay)' }),
});

const OutboxEntry = Type.Object({
  messageId: Type.String(),
  client: Type.String(),
  provider: Type.String(),
  service: Type.String(),
  version: Type.String(),
  status: OutboxStatus,
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  responseStatus: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: DateTime,
  deliveredAt: Type.Union([DateTime, Type.Null()]),
});

const page = <T extends TSchema, C extends TSchema>(item: T, cursor: C) =>
  Type.Object({ items: Type.Array(item), nextBefore: Type.Union([cursor, Type.Null()], { description: 'pass as `before` for the next page; null on the last' }) });

/**
 * The platform administrator's console over the exchange (issue 5): the registry in one picture,
 * the message log with its failures, and the outbox with its dead letters to replay. Auditors
 * read it all (`exchange.read`); only the replay changes anything (`exchange.manage`).
 */
export function exchangeConsoleRoutes(app: App, db: Db, exchange: Pick<Exchange, 'replayDeadLetter'>): void {
  app.get('/api/exchange/services', {
    config: { access: 'exchange.read' },
    schema: { tags, summary: 'Every service version of every member, with its schemas and the clients granted it', response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...S.Service.properties, clients: Type.Array(Type.String()) })) }), ...errors(401, 403) } },
  }, async () => ({ items: await servicesWithClients(db) }));

  app.get('/api/exchange/access-rights', {
    config: { access: 'exchange.read' },
    schema: { tags, summary: 'Every access right: which client may call which service version, granted when and by whom', response: { 200: Type.Object({ items: Type.Array(S.AccessRight) }), ...errors(401, 403) } },
  }, async () => ({ items: await listAccessRights(db) }));

  app.get('/api/exchange/keys', {
    config: { access: 'exchange.read' },
    schema: { tags, summary: 'Every key of every member, retired and revoked ones included, oldest first', response: { 200: Type.Object({ items: Type.Array(S.MemberKey) }), ...errors(401, 403) } },
  }, async () => ({ items: await allMemberKeys(db) }));

  app.get('/api/exchange/traffic', {
    config: { access: 'exchange.read' },
    schema: {
      tags,
      summary: 'The message log, newest first (page with `before` = the last seq seen)',
      querystring: Closed({
        peer: Type.Optional(Filter),
        service: Type.Optional(Filter),
        status: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        direction: Type.Optional(Direction),
        before: Type.Optional(Type.Integer({ minimum: 1 })),
        limit: Limit,
      }),
      response: { 200: page(TrafficEntry, Type.Integer()), ...errors(400, 401, 403) },
    },
  }, async (request) => trafficPage(db, request.query));

  app.get('/api/exchange/traffic/summary', {
    config: { access: 'exchange.read' },
    schema: { tags, summary: 'Messages of the last hour and the last 24 hours by direction and status, and the outbox backlog', response: { 200: Health, ...errors(401, 403) } },
  }, async () => trafficHealth(db));

  app.get('/api/exchange/outbox', {
    config: { access: 'exchange.read' },
    schema: {
      tags,
      summary: 'Asynchronous messages sent, newest first (page with `before` = the last message id seen)',
      querystring: Closed({ status: Type.Optional(OutboxStatus), before: Type.Optional(MessageId), limit: Limit }),
      response: { 200: page(OutboxEntry, Type.String()), ...errors(400, 401, 403) },
    },
  }, async (request) => outboxPage(db, request.query));

  app.post('/api/exchange/outbox/:messageId/replay', {
    config: { access: 'exchange.manage' },
    schema: {
      tags,
      summary: 'Deliver a dead message again, with a fresh set of attempts (audited)',
      params: Closed({ messageId: MessageId }),
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await exchange.replayDeadLetter(changeContext(request), request.params.messageId);
    return reply.status(204).send(null);
  });
}
