import { Type } from 'typebox';
import { Closed } from '../../platform/http/schema.ts';

const Localised = Type.Object({ fr: Type.String({ minLength: 1 }), ar: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) });
const ClosedLocalised = Closed({ fr: Type.String({ minLength: 1, maxLength: 200 }), ar: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }) });
const MemberKind = Type.Union([Type.Literal('agency'), Type.Literal('external_system'), Type.Literal('foreign_single_window')]);
const MemberStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);
const KeyStatus = Type.Union([Type.Literal('active'), Type.Literal('retired'), Type.Literal('revoked')]);
const DateTime = Type.String({ format: 'date-time' });
const NullableDate = Type.Union([DateTime, Type.Null()]);
const NullableText = Type.Union([Type.String(), Type.Null()]);
const Identifier = Type.String({ minLength: 1, maxLength: 200, description: 'instance/class/member[/subsystem], e.g. KD/GOV/COMMERCE/licences' });
const Jwk = Type.Object({ kty: Type.Literal('OKP'), crv: Type.Literal('Ed25519'), x: Type.String() });
const JsonSchema = Type.Record(Type.String(), Type.Unknown(), { description: 'a JSON Schema (2020-12)' });
const ServiceCode = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' });
const Version = Type.String({ pattern: '^v?[0-9]+(\\.[0-9]+){0,2}$' });

export const MemberParams = Closed({ id: Type.String({ minLength: 1, maxLength: 200 }) });
export const KeyParams = Closed({ id: Type.String({ minLength: 1, maxLength: 200 }), kid: Type.String({ minLength: 1, maxLength: 64 }) });

const Endpoint = Type.Union([Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500, description: 'base URL where the member answers: POST {endpoint}/exchange/{provider}/{service}/{version}' }), Type.Null()]);
export const NewMember = Closed({ identifier: Identifier, kind: MemberKind, names: ClosedLocalised, agencyCode: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])), endpoint: Type.Optional(Endpoint) });
export const MemberPatch = Closed({ names: Type.Optional(ClosedLocalised), status: Type.Optional(MemberStatus), endpoint: Type.Optional(Endpoint) });

export const Member = Type.Object({
  id: Type.String(),
  identifier: Type.String(),
  kind: MemberKind,
  names: Localised,
  agencyCode: NullableText,
  endpoint: NullableText,
  status: MemberStatus,
  createdAt: DateTime,
});

export const NewKey = Closed({ jwk: Type.Unknown({ description: 'an Ed25519 public JWK (RFC 8037 §2): {kty: "OKP", crv: "Ed25519", x}' }) });
export const Revocation = Closed({ reason: Type.String({ minLength: 3, maxLength: 500 }) });
export const MemberKey = Type.Object({
  kid: Type.String({ description: 'RFC 7638 thumbprint, base64url' }),
  memberId: Type.String(),
  jwk: Jwk,
  status: KeyStatus,
  createdAt: DateTime,
  retiredAt: NullableDate,
  revokedAt: NullableDate,
  revocationReason: NullableText,
});

export const NewService = Closed({ code: ServiceCode, version: Version, title: ClosedLocalised, requestSchema: JsonSchema, responseSchema: JsonSchema });
export const Service = Type.Object({
  id: Type.String(),
  provider: Type.String(),
  code: Type.String(),
  version: Type.String(),
  title: Localised,
  requestSchema: JsonSchema,
  responseSchema: JsonSchema,
  createdAt: DateTime,
});

export const AccessRightBody = Closed({ serviceId: Type.String({ format: 'uuid' }), client: Identifier });
export const AccessRight = Type.Object({
  serviceId: Type.String(),
  provider: Type.String(),
  serviceCode: Type.String(),
  version: Type.String(),
  client: Type.String(),
  grantedAt: DateTime,
  grantedBy: Type.String(),
});

export const MemberDetail = Type.Object({ member: Member, keys: Type.Array(MemberKey), services: Type.Array(Service) });

export const Discovery = Type.Object({
  members: Type.Array(Type.Object({ identifier: Type.String(), kind: MemberKind, names: Localised, keys: Type.Array(Type.Object({ kid: Type.String(), jwk: Jwk })) })),
  services: Type.Array(Type.Object({ ...Service.properties, clients: Type.Array(Type.String(), { description: 'the members granted this version' }) })),
});
