import { Type } from 'typebox';
import { agencyScope, assertAllowed } from '../../platform/auth/policy.ts';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { errors } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import type { Db } from '../../platform/db/database.ts';
import { partnerView, partnerViews } from './agreements-store.ts';
import type { federationAgreements } from './agreements.ts';
import type { crossBorderChecks } from './crossborder-check.ts';
import { TransitDeclarationMessage } from './crossborder-schemas.ts';
import type { crossBorderSending } from './crossborder-send.ts';
import { listReceived, receivedNotFound, receivedRows } from './crossborder-store.ts';
import * as S from './http-schema.ts';
import type { FederationPublication } from './publication.ts';
import { syncPartner, type SyncDeps } from './sync.ts';

export interface FederationRouteDeps {
  db: Db;
  publication: FederationPublication;
  agreements: ReturnType<typeof federationAgreements>;
  sync: SyncDeps;
  sending: ReturnType<typeof crossBorderSending>;
  checks: ReturnType<typeof crossBorderChecks>;
}

const tags = ['federation'];

export function federationRoutes(app: App, deps: FederationRouteDeps): void {
  const { db } = deps;

  // Public, as X-Road's anchors and global configuration are: partners fetch them before any
  // agreement, and they hold only public keys, contracts and grants, under the anchor's signature.
  app.get('/api/federation/anchor', {
    config: { access: 'public' },
    schema: { tags, summary: "This instance's registry anchor: the key its configuration is signed with; compare its kid out of band", response: { 200: S.Anchor } },
  }, async () => deps.publication.anchor());

  app.get('/api/federation/configuration', {
    config: { access: 'public' },
    schema: { tags, summary: "This instance's own members, keys, services and document keys, signed with its anchor (RFC 8785 JSON, Ed25519)", response: { 200: S.SignedConfiguration } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return deps.publication.configuration();
  });

  app.post('/api/federation/partners', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: "Federate with another instance: trust its anchor (the kid agreed out of band), verify and mirror its configuration", body: S.NewPartner, response: { 201: S.PartnerWithWarnings, ...errors(400, 401, 403, 409, 422, 502) } },
  }, async (request, reply) => reply.status(201).send(await deps.agreements.establish(changeContext(request), request.body)));

  app.get('/api/federation/partners', {
    config: { access: 'exchange.read' },
    schema: { tags, summary: 'Every federation agreement, active and ended, with the members mirrored from it', response: { 200: Type.Object({ items: Type.Array(S.Partner) }), ...errors(401, 403) } },
  }, async () => ({ items: await partnerViews(db) }));

  app.post('/api/federation/partners/:instance/sync', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: "Fetch and mirror the partner's configuration now (otherwise every minute)", params: S.PartnerParams, response: { 200: S.PartnerWithWarnings, ...errors(400, 401, 403, 404, 409, 502) } },
  }, async (request) => {
    const outcome = await syncPartner(deps.sync, changeContext(request), request.params.instance);
    return { ...(await partnerView(db, request.params.instance)), warnings: outcome.problems };
  });

  app.post('/api/federation/partners/:instance/end', {
    config: { access: 'exchange.manage' },
    schema: { tags, summary: "End a federation: the partner's members are suspended and its document keys no longer trusted", params: S.PartnerParams, response: { 200: S.Partner, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => deps.agreements.end(changeContext(request), request.params.instance));

  app.post('/api/federation/partners/:instance/certificates-of-origin', {
    config: { access: 'crossborder.handle' },
    schema: { tags, summary: "Send a certificate of origin the caller's agency issued to the partner's customs (asynchronous)", params: S.PartnerParams, body: S.CertificateToSend, response: { 202: S.Sent, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request, reply) => reply.status(202).send(await deps.sending.sendCertificate(principalOf(request), changeContext(request), request.params.instance, request.body.documentId)));

  app.post('/api/federation/partners/:instance/transit-declarations', {
    config: { access: 'crossborder.handle' },
    schema: { tags, summary: "Send a transit declaration to the partner's customs (customs staff; asynchronous)", params: S.PartnerParams, body: TransitDeclarationMessage, response: { 202: S.Sent, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request, reply) => reply.status(202).send(await deps.sending.sendTransitDeclaration(principalOf(request), changeContext(request), request.params.instance, request.body)));

  app.get('/api/federation/documents', {
    config: { access: 'crossborder.read' },
    schema: { tags, summary: "Certificates of origin and transit declarations received from federated countries, newest first, with their verification", response: { 200: Type.Object({ items: Type.Array(S.CrossBorderDocument) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await listReceived(db, agencyScope(principalOf(request), 'crossborder.read')) }));

  app.post('/api/federation/documents/:id/check', {
    config: { access: 'crossborder.handle' },
    schema: { tags, summary: 'Ask the issuing country again whether a received certificate of origin still holds', params: S.DocumentParams, response: { 200: S.CrossBorderDocument, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const row = await receivedRows(db).where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw receivedNotFound(request.params.id);
    assertAllowed(principalOf(request), 'crossborder.handle', { agencyId: row.receiver_agency_id });
    await deps.checks.check(changeContext(request), row.id);
    const [view] = await listReceived(db, null, [row.id]);
    return view!;
  });
}
