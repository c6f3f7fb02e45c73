import { Type } from 'typebox';
import { changeContext, principalOf } from '../../../platform/http/request-context.ts';
import { Closed, errors } from '../../../platform/http/schema.ts';
import type { App } from '../../../platform/http/server.ts';
import { Identifier } from '../http-schema.ts';
import { Decision, DueItemView, DueQuery, HoldInForceView, HoldView, PackageRetentionView, Proposal, ProposalParams, ProposalQuery, ProposalView, Reason } from './http-schema.ts';
import type { Retention } from './service.ts';

const tags = ['archive'];
const PackageParams = Closed({ identifier: Identifier });

/** Retention and disposition: a package's schedule, legal holds, the disposition review (docs/archive/retention.md). */
export function retentionRoutes(app: App, retention: Retention): void {
  app.get('/api/archive/packages/:identifier/retention', {
    config: { access: 'archive.read' },
    schema: { tags, summary: "A package's retention class, due date, legal holds and disposition (with its destruction certificate)", params: PackageParams, response: { 200: PackageRetentionView, ...errors(400, 401, 403, 404) } },
  }, async (request) => retention.packageRetention(principalOf(request), request.params.identifier));

  app.post('/api/archive/packages/:identifier/legal-hold', {
    config: { access: 'archive.retention' },
    schema: { tags, summary: 'Places a legal hold: no disposition of the package until it is lifted', params: PackageParams, body: Reason, response: { 201: HoldView, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(201).send(await retention.placeHold(principalOf(request), changeContext(request), request.params.identifier, request.body.reason)));

  app.post('/api/archive/packages/:identifier/legal-hold/lift', {
    config: { access: 'archive.retention' },
    schema: { tags, summary: 'Lifts the legal hold in force', params: PackageParams, body: Reason, response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    await retention.liftHold(principalOf(request), changeContext(request), request.params.identifier, request.body.reason);
    return reply.status(204).send(null);
  });

  app.get('/api/archive/legal-holds', {
    config: { access: 'archive.retention' },
    schema: { tags, summary: "Legal holds in force on the archivist's agencies' packages, newest first", querystring: DueQuery, response: { 200: Type.Object({ items: Type.Array(HoldInForceView) }), ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await retention.holdsInForce(principalOf(request), { limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 }) }));

  app.get('/api/archive/disposition/due', {
    config: { access: 'archive.retention' },
    schema: { tags, summary: "Stored packages of the archivist's agencies whose retention period has run out, oldest due first", querystring: DueQuery, response: { 200: Type.Object({ items: Type.Array(DueItemView) }), ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await retention.due(principalOf(request), { limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 }) }));

  app.post('/api/archive/disposition/proposals', {
    config: { access: 'archive.retention' },
    schema: { tags, summary: 'Proposes a batch of due packages for destruction, for the authority to approve', body: Proposal, response: { 201: ProposalView, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(201).send(await retention.propose(principalOf(request), changeContext(request), request.body)));

  app.get('/api/archive/disposition/proposals', {
    config: { access: 'archive.approve_disposal' },
    schema: { tags, summary: 'Disposition proposals naming packages of the agencies the authority answers for, oldest first (open ones by default)', querystring: ProposalQuery, response: { 200: Type.Object({ items: Type.Array(ProposalView) }), ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await retention.proposals(principalOf(request), request.query.state) }));

  app.post('/api/archive/disposition/proposals/:id/decision', {
    config: { access: 'archive.approve_disposal' },
    schema: {
      tags,
      summary: "The authority's decision: approve (the packages are destroyed and a destruction certificate issued) or refuse",
      params: ProposalParams,
      body: Decision,
      response: { 200: ProposalView, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { decision, reason } = request.body;
    const principal = principalOf(request);
    return decision === 'approve'
      ? retention.approve(principal, changeContext(request), request.params.id, reason, request.locale)
      : retention.refuse(principal, changeContext(request), request.params.id, reason);
  });
}
