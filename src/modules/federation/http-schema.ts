import { Type } from 'typebox';
import { Discovery } from '../exchange/http-schema.ts';
import { Closed } from '../../platform/http/schema.ts';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Instance = Type.String({ pattern: '^[A-Z]{2}$', description: 'the partner instance code (country code), e.g. KB' });
const Jwk = Type.Object({ kty: Type.Literal('OKP'), crv: Type.Literal('Ed25519'), x: Type.String() });

export const Anchor = Type.Object({
  instance: Type.String(),
  kid: Type.String({ description: 'RFC 7638 thumbprint of the anchor key, base64url: compare it out of band' }),
  jwk: Jwk,
});

const DocumentKey = Type.Object({
  kty: Type.Literal('OKP'),
  crv: Type.Literal('Ed25519'),
  x: Type.String(),
  kid: Type.String(),
  alg: Type.Literal('EdDSA'),
  use: Type.Literal('sig'),
  iss: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
});

export const SignedConfiguration = Type.Object({
  configuration: Type.Object({
    instance: Type.String({ pattern: '^[A-Z]{2}$' }),
    issuedAt: DateTime,
    baseUrl: Type.String(),
    members: Discovery.properties.members,
    services: Discovery.properties.services,
    documentKeys: Type.Array(DocumentKey, { description: "the documents' signing keys, as /.well-known/jwks.json publishes them" }),
  }),
  kid: Type.String({ description: 'the anchor that signed it' }),
  signature: Type.String({ description: 'Ed25519 over the RFC 8785 canonical JSON of `configuration`, base64url' }),
});

export const NewPartner = Closed({
  instance: Instance,
  baseUrl: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500, description: "the partner's public address" }),
  anchorKid: Type.String({ minLength: 43, maxLength: 43, description: "the partner's anchor kid, obtained out of band" }),
});

export const Partner = Type.Object({
  instance: Type.String(),
  baseUrl: Type.String(),
  anchorKid: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('ended')]),
  establishedAt: DateTime,
  establishedBy: Type.String(),
  endedAt: Nullable(DateTime),
  endedBy: Nullable(Type.String()),
  lastSyncedAt: Nullable(DateTime),
  lastError: Nullable(Type.String()),
  members: Type.Array(Type.Object({ identifier: Type.String(), status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]) })),
  documentKeys: Type.Integer({ description: "the partner's document keys trusted while the federation is active" }),
});

export const PartnerParams = Closed({ instance: Instance });

export const CertificateToSend = Closed({ documentId: Type.String({ format: 'uuid' }) });
export const Sent = Type.Object({ messageId: Type.String() });
export const CrossBorderDocument = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('certificate_of_origin'), Type.Literal('transit_declaration')]),
  partner: Type.String(),
  sender: Type.String(),
  receiver: Type.String(),
  reference: Type.String(),
  certificateRef: Nullable(Type.String()),
  signature: Type.Union([Type.Literal('verified'), Type.Literal('invalid'), Type.Literal('pending'), Type.Literal('none')]),
  signatureReason: Nullable(Type.String()),
  status: Type.Union([
    Type.Literal('received'),
    Type.Literal('checking'),
    Type.Literal('valid'),
    Type.Literal('expired'),
    Type.Literal('revoked'),
    Type.Literal('unknown'),
    Type.Literal('invalid_signature'),
    Type.Literal('unavailable'),
  ]),
  revokedAt: Nullable(DateTime),
  checkedAt: Nullable(DateTime),
  lastError: Nullable(Type.String()),
  /** For a transit declaration: where its certificate of origin stands, when it was received. */
  certificateStatus: Nullable(Type.String()),
  body: Type.Record(Type.String(), Type.Unknown()),
  receivedAt: DateTime,
});
export const DocumentParams = Closed({ id: Type.String({ format: 'uuid' }) });
export const PartnerWithWarnings = Type.Object({ ...Partner.properties, warnings: Type.Array(Type.String(), { description: 'what could not be mirrored or granted' }) });
