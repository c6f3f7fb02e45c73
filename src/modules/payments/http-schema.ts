import { Type } from 'typebox';
import { Uuid } from '../../platform/http/schema.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Localised = Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() });
const Provider = Type.Union([Type.Literal('mobile_money'), Type.Literal('counter'), Type.Literal('prepaid')]);

export const PaymentIntentView = Type.Object({
  id: Uuid,
  applicationId: Nullable(Uuid),
  declarationId: Nullable(Uuid),
  reference: Nullable(Type.String()),
  provider: Provider,
  state: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('refund_pending'), Type.Literal('refunded')]),
  amount: Type.Integer(),
  currency: Type.String(),
  phone: Nullable(Type.String()),
  providerReference: Nullable(Type.String()),
  receiptNumber: Nullable(Type.String()),
  receiptDocumentId: Nullable(Uuid),
  createdAt: Type.String({ format: 'date-time' }),
  settledAt: Nullable(Type.String({ format: 'date-time' })),
  failureReason: Nullable(Type.String()),
  phoneUrl: Nullable(Type.String({ description: 'Demo only: the simulated phone that shows the prompt' })),
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 100, description: 'Unique per caller; the same key with the same body returns the same intent' }),
});

const Mismatch = Type.Object({
  kind: Type.Union([Type.Literal('missing_in_statement'), Type.Literal('missing_in_platform'), Type.Literal('amount_differs')]),
  providerReference: Type.String(),
  paymentId: Nullable(Uuid),
  reference: Nullable(Type.String()),
  ours: Nullable(Type.Integer()),
  theirs: Nullable(Type.Integer()),
  currency: Type.String(),
});

const ReconciliationFields = {
  id: Uuid,
  provider: Provider,
  day: Type.String({ format: 'date' }),
  importedAt: Type.String({ format: 'date-time' }),
  importedBy: Type.String(),
  statementLines: Type.Integer(),
  matched: Type.Integer(),
};

export const ReconciliationReport = Type.Object({ ...ReconciliationFields, mismatches: Type.Array(Mismatch) });
export const ReconciliationSummary = Type.Object({ ...ReconciliationFields, mismatchCount: Type.Integer() });

export const LedgerBalance = Type.Object({
  account: Type.String(),
  label: Localised,
  kind: Type.Union([Type.Literal('asset'), Type.Literal('revenue'), Type.Literal('liability')]),
  agencyCode: Nullable(Type.String()),
  balance: Type.Integer(),
  currency: Type.String(),
});
