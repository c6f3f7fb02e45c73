import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { Closed, errors, Uuid } from '../http/schema.ts';
import type { App } from '../http/server.ts';
import { searchAudit } from './search.ts';
import { verifyAuditChain } from './verify.ts';

const Entry = Type.Object({
  seq: Type.Integer(),
  occurredAt: Type.String(),
  actor: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]), label: Type.String() }),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  record: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
  beforeDigest: Type.Union([Type.String(), Type.Null()]),
  afterDigest: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  /** Null for the moment between the entry's commit and the linker chaining it. */
  hash: Type.Union([Type.String(), Type.Null()]),
});

export function auditRoutes(app: App, db: Db): void {
  app.get('/api/audit/entries', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: 'Search the audit trail, newest first (page with `before` = last seq seen)',
      querystring: Closed({
        actorId: Type.Optional(Type.String({ maxLength: 64 })),
        action: Type.Optional(Type.String({ maxLength: 100 })),
        recordType: Type.Optional(Type.String({ maxLength: 64 })),
        recordId: Type.Optional(Type.String({ maxLength: 128 })),
        agencyId: Type.Optional(Uuid),
        requestId: Type.Optional(Type.String({ maxLength: 64 })),
        from: Type.Optional(Type.String({ format: 'date-time' })),
        to: Type.Optional(Type.String({ format: 'date-time' })),
        before: Type.Optional(Type.Integer({ minimum: 1 })),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
      }),
      response: { 200: Type.Object({ items: Type.Array(Entry) }), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const q = request.query;
    const items = await searchAudit(db, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });
    return { items };
  });

  app.get('/api/audit/verify', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: 'Recompute the hash chain and name the first altered or missing entry',
      response: {
        200: Type.Object({
          ok: Type.Boolean(),
          checked: Type.Integer(),
          lastSeq: Type.Integer(),
          lastHash: Type.String(),
          problem: Type.Optional(Type.Object({ kind: Type.String(), seq: Type.Integer(), message: Type.String() })),
        }),
        ...errors(401, 403),
      },
    },
  }, async () => verifyAuditChain(db));
}
