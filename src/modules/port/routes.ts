import { Type } from 'typebox';
import { changeContext, principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors, Uuid } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { GateOutAnswerSchema } from './contract.ts';
import { CONTAINER_NUMBER } from './manifest.ts';
import { ManifestDetailSchema, ManifestSummarySchema, UploadBody } from './http-schema.ts';
import type { PortService } from './service.ts';
import type { ManifestSubmission } from './submit.ts';

/** Customs officers' view of the port's cargo manifests (docs/customs/port-manifests.md). */
export function portRoutes(app: App, port: PortService): void {
  const tags = ['customs'];

  app.get('/api/customs/manifests', {
    config: { access: 'customs.manifests.read' },
    schema: {
      tags,
      summary: 'Cargo manifests received from the port, newest first; withDiscrepancies keeps those with a line to look at',
      querystring: Closed({ withDiscrepancies: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
      response: { 200: Type.Object({ items: Type.Array(ManifestSummarySchema) }), ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await port.list(principalOf(request), { withDiscrepancies: request.query.withDiscrepancies, limit: request.query.limit ?? 50 }) }));

  app.get('/api/customs/manifests/:id', {
    config: { access: 'customs.manifests.read' },
    schema: { tags, summary: 'A manifest with each line\'s matching declarations, discrepancy and gate-out decision', params: Closed({ id: Uuid }), response: { 200: ManifestDetailSchema, ...errors(400, 401, 403, 404) } },
  }, async (request) => port.get(principalOf(request), request.params.id));

  app.post('/api/customs/manifests', {
    config: { access: 'customs.manifests.upload' },
    schema: {
      tags,
      summary: 'Upload a manifest on behalf of the port (JSON or UN/EDIFACT CUSCAR): 201 new, 200 the same manifest again, 409 its reference used for other content, 422 malformed (details: segment, position, tag)',
      body: UploadBody,
      response: { 200: ManifestDetailSchema, 201: ManifestDetailSchema, ...errors(400, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    const outcome = await port.upload(principalOf(request), changeContext(request), request.body as ManifestSubmission);
    return reply.status(outcome.created ? 201 : 200).send(outcome.manifest);
  });

  app.get('/api/customs/gate-out/:container', {
    config: { access: 'customs.manifests.read' },
    schema: { tags, summary: 'Whether a container may leave the port, and why not', params: Closed({ container: Type.String({ pattern: CONTAINER_NUMBER }) }), response: { 200: GateOutAnswerSchema, ...errors(400, 401, 403) } },
  }, async (request) => port.gateOutStatus(principalOf(request), request.params.container));
}
