import { Type } from 'typebox';
import { changeContext, principalOf } from '../http/request-context.ts';
import { Closed, errors } from '../http/schema.ts';
import type { App } from '../http/server.ts';
import type { SigningKeys } from './signing-keys.ts';

const KeyStatus = Type.Union([Type.Literal('active'), Type.Literal('retired')]);
const AgencyCode = Type.String({ pattern: '^[A-Z][A-Z_]{1,31}$' });

const PublishedKey = Type.Object({
  kty: Type.Literal('OKP'),
  crv: Type.Literal('Ed25519'),
  x: Type.String({ description: 'the public key, base64url (RFC 8037 §2)' }),
  kid: Type.String({ description: 'base64url of the first 8 bytes of the RFC 7638 thumbprint' }),
  alg: Type.Literal('EdDSA'),
  use: Type.Literal('sig'),
  iss: Type.String({ description: 'code of the agency whose documents the key signs' }),
  status: KeyStatus,
});

const KeySummary = Type.Object({
  kid: Type.String(),
  agencyCode: Type.String(),
  status: KeyStatus,
  createdAt: Type.String({ format: 'date-time' }),
  retiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const KeyList = Type.Object({ items: Type.Array(KeySummary) });

export function signingKeyRoutes(app: App, keys: SigningKeys): void {
  app.get('/.well-known/jwks.json', {
    config: { access: 'public' },
    schema: {
      tags: ['documents'],
      summary: "Every agency's document-signing keys, active and retired (RFC 7517 key set): what offline verifiers need",
      response: { 200: Type.Object({ keys: Type.Array(PublishedKey) }) },
    },
  }, async (_request, reply) => {
    // Verifiers may cache the set for a while; a new key is published before it signs anything.
    reply.header('cache-control', 'public, max-age=300');
    return { keys: await keys.published() };
  });

  app.get('/api/admin/signing-keys', {
    config: { access: 'keys.manage' },
    schema: { tags: ['administration'], summary: 'The signing keys of the agencies the caller manages', response: { 200: KeyList, ...errors(401, 403) } },
  }, async (request) => ({ items: await keys.list(principalOf(request)) }));

  app.post('/api/admin/signing-keys/rotate', {
    config: { access: 'keys.manage' },
    schema: {
      tags: ['administration'],
      summary: "Rotate an agency's signing key: the active key is retired (still published, so documents it signed stay valid) and a new one signs from now on",
      body: Closed({ agencyCode: AgencyCode }),
      response: { 200: KeyList, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => ({ items: await keys.rotate(principalOf(request), changeContext(request), request.body.agencyCode) }));
}
