import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/record.ts';
import { agencyScope, type Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { errors } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { ExchangeRefusal, type Exchange } from './service.ts';
import { servedMember } from './local-keys.ts';

const Identifier = Type.String({ minLength: 7, maxLength: 200, description: 'instance/class/member[/subsystem]' });
const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const NewMessage = Type.Object(
  {
    client: Identifier,
    provider: Identifier,
    service: Code,
    version: Code,
    body: Type.Unknown({ description: "the request, checked by the provider against its service's JSON Schema" }),
    representedParty: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    case: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    delivery: Type.Optional(Type.Union([Type.Literal('sync'), Type.Literal('async')], { description: 'sync (default): wait for the answer; async: queue it, delivered with retries' })),
  },
  { additionalProperties: false },
);

/** The agency a local member (or subsystem) belongs to; refused when the caller may not act for it. */
async function assertSendsAsOwnAgency(db: Db, principal: Principal, client: string) {
  const member = await servedMember(db, client);
  const scope = agencyScope(principal, 'exchange.send');
  if (scope !== null && (!member.agency_id || !scope.includes(member.agency_id))) throw new AppError(403, 'exchange_client_not_yours', { client });
  return member.agency_id;
}

/**
 * How an agency's own information systems (API clients) and staff use the exchange: as X-Road
 * members call through their security server, they name the service and the body, and Guichet
 * signs as their agency, logs, delivers and verifies.
 */
export function exchangeMessageRoutes(app: App, db: Db, exchange: Exchange): void {
  app.post('/api/exchange/messages', {
    config: { access: 'exchange.send' },
    schema: {
      tags: ['exchange'],
      summary: "Call another member's service as one's own agency: answered at once (sync), or queued and delivered exactly once (async)",
      body: NewMessage,
      response: {
        200: Type.Object({ messageId: Type.String(), status: Type.Integer(), body: Type.Unknown() }),
        202: Type.Object({ messageId: Type.String() }),
        ...errors(400, 401, 403, 404, 409, 422, 502),
      },
    },
  }, async (request, reply) => {
    const { delivery = 'sync', ...call } = request.body;
    const agencyId = await assertSendsAsOwnAgency(db, principalOf(request), call.client);
    if (delivery === 'async') {
      const messageId = await db.transaction().execute(async (trx) => {
        const id = await exchange.send(trx, call);
        await recordAudit(trx, changeContext(request), {
          action: 'exchange.message_queued',
          recordType: 'exchange_message',
          recordId: id,
          agencyId,
          details: { client: call.client, provider: call.provider, service: call.service, version: call.version },
        });
        return id;
      });
      return reply.status(202).send({ messageId });
    }
    try {
      return await exchange.call(call);
    } catch (error) {
      if (!(error instanceof ExchangeRefusal)) throw error;
      throw new AppError(502, 'exchange_refused', { provider: call.provider, code: error.code, reason: error.message }, { code: error.code, status: error.status });
    }
  });
}
