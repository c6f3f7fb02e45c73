import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { changeContext } from '../http/request-context.ts';
import { Closed, errors } from '../http/schema.ts';
import type { App } from '../http/server.ts';
import { listDeadLetters, replayDeadLetter } from './dead-letters.ts';

const DeadLetter = Type.Object({
  id: Type.Integer(),
  eventId: Type.Integer(),
  topic: Type.String(),
  subscriber: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Unknown(),
  emittedAt: Type.String({ format: 'date-time' }),
});

/** What an operator needs when a subscriber gave up: see the dead letters, replay one once fixed. */
export function operationsRoutes(app: App, db: Db): void {
  app.get('/api/operations/dead-letters', {
    config: { access: 'operations.manage' },
    schema: {
      tags: ['operations'],
      summary: 'Event deliveries that used up their attempts, oldest first',
      querystring: Closed({ afterId: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) }),
      response: { 200: Type.Object({ items: Type.Array(DeadLetter) }), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const letters = await listDeadLetters(db, request.query);
    return { items: letters.map((l) => ({ ...l, emittedAt: l.emittedAt.toISOString() })) };
  });

  app.post('/api/operations/dead-letters/:id/replay', {
    config: { access: 'operations.manage' },
    schema: {
      tags: ['operations'],
      summary: 'Put a dead letter back in the queue (audited)',
      params: Closed({ id: Type.Integer({ minimum: 1 }) }),
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await db.transaction().execute((trx) => replayDeadLetter(trx, changeContext(request), request.params.id));
    return reply.status(204).send(null);
  });
}
