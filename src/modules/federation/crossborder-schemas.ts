import { Type, type Static } from 'typebox';

/**
 * The contracts of the cross-border services, as the exchange registers them (JSON Schema 2020-12,
 * compiled strictly, so no `format`: patterns instead). The transit declaration is also the body of
 * the route a customs officer sends one with: one schema, not two.
 */

const Text = (maxLength = 200) => Type.String({ minLength: 1, maxLength });
const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
/** Harmonized System code: 6 digits, extended nationally to 8 or 10. */
const HsCode = Type.String({ pattern: '^[0-9]{6}([0-9]{2}){0,2}$' });
const Party = Type.Object({ name: Text(), address: Text(300) }, { additionalProperties: false });

const OriginGoods = Type.Object(
  {
    hsCode: HsCode,
    description: Text(300),
    quantity: Type.Number({ exclusiveMinimum: 0 }),
    unit: Text(20),
    grossWeightKg: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    originCriterion: Type.Optional(Text(60)),
  },
  { additionalProperties: false },
);

export const CertificateOfOriginMessage = Type.Object(
  {
    /** The certificate's signed payload, as its QR code carries it (docs/documents.md). */
    payload: Type.String({ pattern: '^GK1:', maxLength: 4000 }),
    documentId: Type.String({ pattern: UUID_PATTERN }),
    number: Text(60),
    /** The exchange member of the issuing agency, e.g. KD/GOV/COMMERCE. */
    issuer: Text(),
    exporter: Type.Object({ name: Text(), taxId: Type.Union([Text(40), Type.Null()]), address: Text(300) }, { additionalProperties: false }),
    consignee: Party,
    destinationCountry: Type.String({ pattern: '^[A-Z]{2}$' }),
    goods: Type.Array(OriginGoods, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type CertificateOfOriginMessage = Static<typeof CertificateOfOriginMessage>;

const TransitGoods = Type.Object(
  {
    hsCode: HsCode,
    description: Text(300),
    quantity: Type.Number({ exclusiveMinimum: 0 }),
    unit: Text(20),
    valueXof: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const TransitDeclarationMessage = Type.Object(
  {
    declarationNumber: Text(60),
    carrier: Type.Object({ name: Text(), taxId: Type.Optional(Text(40)) }, { additionalProperties: false }),
    vehicle: Type.Object({ registration: Text(30), country: Type.String({ pattern: '^[A-Z]{2}$' }) }, { additionalProperties: false }),
    seals: Type.Array(Text(40), { maxItems: 50 }),
    goods: Type.Array(TransitGoods, { minItems: 1, maxItems: 50 }),
    /** Customs offices (UN/LOCODE or national office codes). */
    officeOfDeparture: Text(40),
    officeOfDestination: Text(40),
    /** The number of the certificate of origin that covers the goods. */
    certificateOfOrigin: Text(60),
  },
  { additionalProperties: false },
);
export type TransitDeclarationMessage = Static<typeof TransitDeclarationMessage>;

export const ReceiptAnswer = Type.Object(
  {
    id: Type.String({ pattern: UUID_PATTERN }),
    signature: Type.Union([Type.Literal('verified'), Type.Literal('invalid'), Type.Literal('pending'), Type.Literal('none')]),
  },
  { additionalProperties: false },
);
export type ReceiptAnswer = Static<typeof ReceiptAnswer>;

export const DocumentStatusQuestion = Type.Union([
  Type.Object({ documentId: Type.String({ pattern: UUID_PATTERN }) }, { additionalProperties: false }),
  Type.Object({ payload: Type.String({ pattern: '^GK1:', maxLength: 4000 }) }, { additionalProperties: false }),
]);
export type DocumentStatusQuestion = Static<typeof DocumentStatusQuestion>;

export const DocumentStatusAnswer = Type.Object(
  {
    /** `unknown`: not a document this instance issued (or not a genuine one). */
    status: Type.Union([Type.Literal('valid'), Type.Literal('expired'), Type.Literal('revoked'), Type.Literal('unknown')]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type DocumentStatusAnswer = Static<typeof DocumentStatusAnswer>;
