import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ChangeContext } from '../../platform/audit/record.ts';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors, Uuid } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { IdempotencyHeaders, LedgerBalance, PaymentIntentView, ReconciliationReport, ReconciliationSummary } from './http-schema.ts';
import { mismatchesCsv } from './reconciliation.ts';
import type { PaymentService } from './service.ts';

const IdParams = Closed({ id: Uuid });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD (UTC)' });
/** Statements are small text files; a month of a busy operator is well under this. */
const STATEMENT_LIMIT = 5 * 1024 * 1024;

/** Notifications act for the operator that signed them, not for a signed-in person. */
const operatorContext = (request: FastifyRequest): ChangeContext => ({
  actor: { type: 'system', id: null, label: 'mobile-money operator' },
  requestId: request.id,
  ip: request.ip,
});

export function paymentRoutes(app: App, payments: PaymentService): void {
  const tags = ['payments'];

  app.post('/api/payments/intents', {
    config: { access: 'payments.pay' },
    schema: {
      tags,
      summary: "Pay a file's fee (applicationId) or a customs declaration's duties (declarationId) by mobile money: the operator prompts the phone; the intent settles when it calls back",
      headers: IdempotencyHeaders,
      body: Closed({ applicationId: Type.Optional(Uuid), declarationId: Type.Optional(Uuid), provider: Type.Literal('mobile_money'), phone: Type.String({ pattern: '^\\+?[0-9]{8,15}$' }) }),
      response: { 200: PaymentIntentView, 201: PaymentIntentView, ...errors(400, 401, 403, 404, 409, 422, 503) },
    },
  }, async (request, reply) => {
    const { intent, created } = await payments.payByMobileMoney(principalOf(request), changeContext(request), request.body, request.headers['idempotency-key']);
    return reply.status(created ? 201 : 200).send(intent);
  });

  app.get('/api/payments/intents/:id', {
    config: { access: 'applications.access' },
    schema: { tags, summary: 'A payment intent (a pending one is asked about at the operator once it has waited long enough)', params: IdParams, response: { 200: PaymentIntentView, ...errors(400, 401, 403, 404) } },
  }, async (request) => payments.intent(principalOf(request), changeContext(request), request.params.id));

  app.get('/api/applications/:id/payments', {
    config: { access: 'applications.access' },
    schema: { tags, summary: "A file's payment intents, newest first", params: IdParams, response: { 200: Type.Object({ items: Type.Array(PaymentIntentView) }), ...errors(400, 401, 403, 404) } },
  }, async (request) => payments.intentsOf(principalOf(request), request.params.id));

  app.post('/api/payments/counter', {
    config: { access: 'payments.record_counter' },
    schema: {
      tags,
      summary: "A cashier records a fee (applicationId) or duties (declarationId) paid in cash at the desk, with the paper receipt's number; the file or declaration moves on",
      headers: IdempotencyHeaders,
      body: Closed({ applicationId: Type.Optional(Uuid), declarationId: Type.Optional(Uuid), receipt: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: PaymentIntentView, 201: PaymentIntentView, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const { intent, created } = await payments.payAtCounter(principalOf(request), changeContext(request), request.body, request.headers['idempotency-key']);
    return reply.status(created ? 201 : 200).send(intent);
  });

  app.post('/api/payments/prepaid/deposits', {
    config: { access: 'payments.record_counter' },
    schema: {
      tags,
      summary: "A cashier takes a deposit on a company's prepaid account (a broker paying ahead for its declarations' duties), with the paper receipt's number",
      headers: IdempotencyHeaders,
      body: Closed({ taxId: Type.String({ minLength: 3, maxLength: 40 }), amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }), receipt: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: PaymentIntentView, 201: PaymentIntentView, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const { intent, created } = await payments.depositOnPrepaid(principalOf(request), changeContext(request), request.body, request.headers['idempotency-key']);
    return reply.status(created ? 201 : 200).send(intent);
  });

  app.post('/api/payments/prepaid', {
    config: { access: 'payments.pay' },
    schema: {
      tags,
      summary: "Pay a customs declaration's duties from the declarant company's prepaid account: taken at once, or 409 prepaid_insufficient with nothing stored",
      headers: IdempotencyHeaders,
      body: Closed({ declarationId: Uuid }),
      response: { 200: PaymentIntentView, 201: PaymentIntentView, ...errors(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const { intent, created } = await payments.payFromPrepaid(principalOf(request), changeContext(request), request.body, request.headers['idempotency-key']);
    return reply.status(created ? 201 : 200).send(intent);
  });

  app.get('/api/payments/prepaid/:taxId', {
    config: { access: 'session.self' },
    schema: {
      tags,
      summary: "A company's prepaid balance (its own users, cashiers, the accountant)",
      params: Closed({ taxId: Type.String({ minLength: 3, maxLength: 40 }) }),
      response: { 200: Type.Object({ taxId: Type.String(), name: Type.String(), balance: Type.Integer(), currency: Type.String() }), ...errors(401, 404) },
    },
  }, async (request) => payments.prepaidBalance(principalOf(request), request.params.taxId));

  app.post('/api/payments/:id/refund', {
    config: { access: 'payments.refund' },
    schema: {
      tags,
      summary: 'Give a paid fee back (agency administrator of the agency paid): refunded, or refund_pending until the provider confirms',
      params: IdParams,
      body: Closed({ reason: Type.String({ minLength: 3, maxLength: 500 }) }),
      response: { 200: PaymentIntentView, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => payments.refund(principalOf(request), changeContext(request), request.params.id, request.body.reason));

  app.get('/api/payments/ledger/balances', {
    config: { access: 'payments.ledger' },
    schema: { tags, summary: "Ledger balances: every account for the accountant, the agency's own for its administrator", response: { 200: Type.Object({ items: Type.Array(LedgerBalance) }), ...errors(401, 403) } },
  }, async (request) => payments.ledgerBalances(principalOf(request)));

  app.get('/api/payments/reconciliations', {
    config: { access: 'payments.reconcile' },
    schema: { tags, summary: 'Reconciliation reports, latest day first', response: { 200: Type.Object({ items: Type.Array(ReconciliationSummary) }), ...errors(401, 403) } },
  }, async () => payments.reconciliations());

  app.get('/api/payments/reconciliations/:id', {
    config: { access: 'payments.reconcile' },
    schema: { tags, summary: 'A reconciliation report with every mismatch', params: IdParams, response: { 200: ReconciliationReport, ...errors(400, 401, 403, 404) } },
  }, async (request) => payments.reconciliation(request.params.id));

  app.get('/api/payments/reconciliations/:id/csv', {
    config: { access: 'payments.reconcile' },
    schema: { tags, summary: "A reconciliation report's mismatches as CSV", params: IdParams, response: errors(400, 401, 403, 404) },
  }, async (request, reply) => {
    const report = await payments.reconciliation(request.params.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="reconciliation-${report.provider}-${report.day}.csv"`)
      .send(mismatchesCsv(report.mismatches));
  });

  app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    // The signature covers the bytes as sent: the callback's body is kept as text, parsed only once authenticated.
    raw.removeContentTypeParser('application/json');
    raw.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    raw.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: STATEMENT_LIMIT }, (_request, body, done) => done(null, body));

    raw.post('/api/payments/callbacks/mobile-money', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The mobile-money operator's notification: HMAC-SHA256 over `timestamp.body`, five-minute window, each event id taken once",
        response: { 200: Type.Object({ outcome: Type.Union([Type.Literal('applied'), Type.Literal('already_settled'), Type.Literal('duplicate')]) }), ...errors(400, 401, 404, 422, 503) },
      },
    }, async (request) => ({ outcome: await payments.receiveCallback('mobile_money', { headers: request.headers, rawBody: String(request.body ?? '') }, operatorContext(request)) }));

    raw.post('/api/payments/reconciliations', {
      config: { access: 'payments.reconcile' },
      bodyLimit: STATEMENT_LIMIT,
      schema: {
        tags,
        summary: "Import the operator's statement of a day (body: the CSV) and compare it with the payments credited that day",
        querystring: Closed({ provider: Type.Literal('mobile_money'), day: Day }),
        response: { 201: ReconciliationReport, ...errors(400, 401, 403, 413, 415) },
      },
    }, async (request, reply) => {
      const report = await payments.importStatement(principalOf(request), changeContext(request), request.query.provider, request.query.day, String(request.body ?? ''));
      return reply.status(201).send(report);
    });
  });
}
