import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors, Uuid } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { listMine, listOutbox } from './service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Channel = Type.Union([Type.Literal('email'), Type.Literal('sms')]);
const Status = Type.Union([Type.Literal('kept'), Type.Literal('sent'), Type.Literal('failed')], {
  description: '`kept`: in the local outbox only (no SMTP relay or SMS gateway configured); `sent`: the relay accepted it; `failed`: the last try failed, the bus retries',
});

const messageFields = {
  id: Uuid,
  channel: Channel,
  address: Type.String({ description: 'e-mail address or phone number' }),
  locale: Type.String(),
  subject: Nullable(Type.String()),
  bodyText: Type.String(),
  bodyHtml: Nullable(Type.String()),
  status: Status,
  relatedType: Type.String({ description: 'what the message is about, e.g. application' }),
  relatedId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
};
const Message = Type.Object(messageFields);
const OutboxEntry = Type.Object({
  ...messageFields,
  recipientUserId: Nullable(Uuid),
  error: Nullable(Type.String({ description: "the transport's answer on the last failed try" })),
  attempts: Type.Integer(),
});

const paging = {
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
};

export function notificationRoutes(app: App, db: Db): void {
  app.get('/api/notifications/mine', {
    config: { access: 'session.self' },
    schema: {
      tags: ['notifications'],
      summary: 'The messages written to me (e-mail and SMS), newest first',
      querystring: Closed(paging),
      response: { 200: Type.Object({ items: Type.Array(Message), total: Type.Integer() }), ...errors(400, 401, 403) },
    },
  }, async (request) => listMine(db, principalOf(request).id, request.query));

  app.get('/api/notifications/outbox', {
    config: { access: 'operations.manage' },
    schema: {
      tags: ['notifications'],
      summary: 'Every message, newest first: the local outbox when no relay is configured, else the record of what was sent',
      querystring: Closed({
        channel: Type.Optional(Channel),
        status: Type.Optional(Status),
        q: Type.Optional(Type.String({ maxLength: 200, description: 'words in the address or the subject' })),
        ...paging,
      }),
      response: { 200: Type.Object({ items: Type.Array(OutboxEntry), total: Type.Integer() }), ...errors(400, 401, 403) },
    },
  }, async (request) => listOutbox(db, request.query));
}
