import { Type } from 'typebox';
import { LocaleSchema } from '../../platform/http/schema.ts';

const Localised = Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const DocumentSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  number: Type.String({ description: 'COMMERCE-2026-000042' }),
  type: Type.String({ description: "the definition's document type, or payment_receipt" }),
  kind: Type.Union([Type.Literal('document'), Type.Literal('receipt')]),
  title: Localised,
  agencyCode: Type.String(),
  applicationId: Nullable(Type.String({ format: 'uuid' })),
  paymentId: Nullable(Type.String({ format: 'uuid' })),
  holderName: Type.String(),
  language: LocaleSchema,
  issuedAt: Type.String({ format: 'date-time' }),
  validFrom: Day,
  validUntil: Nullable(Day),
  kid: Type.String({ description: 'the signing key (see /.well-known/jwks.json)' }),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  revocationReason: Nullable(Type.String()),
});

export const VerificationResult = Type.Object(
  {
    status: Type.Union([Type.Literal('valid'), Type.Literal('revoked'), Type.Literal('expired'), Type.Literal('forged')]),
    reason: Nullable(Type.Union([Type.Literal('malformed'), Type.Literal('unknown_key'), Type.Literal('bad_signature'), Type.Literal('no_payload')], { description: 'why a payload is forged' })),
    document: Nullable(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        number: Type.String(),
        type: Type.String(),
        title: Nullable(Localised),
        issuer: Type.Object({ agencyCode: Type.String(), kid: Type.String() }),
        holder: Type.Object({ name: Type.String(), id: Nullable(Type.String()) }),
        fields: Type.Array(Type.Object({ label: Type.Union([Localised, Type.String()]), value: Type.String() }), { description: 'the fields the payload signs' }),
        validFrom: Day,
        validUntil: Nullable(Day),
        issuedAt: Type.String({ format: 'date-time' }),
      }),
    ),
    revokedAt: Nullable(Type.String({ format: 'date-time' })),
    revocationReason: Nullable(Type.String()),
  },
  { description: 'valid, revoked, expired or forged; a forged payload is an answer, never an error' },
);
