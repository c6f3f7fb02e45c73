import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { integer } from '../../../platform/config.ts';
import { changeContext, principalOf } from '../../../platform/http/request-context.ts';
import { Closed, errors, Uuid } from '../../../platform/http/schema.ts';
import type { App } from '../../../platform/http/server.ts';
import { Identifier } from '../http-schema.ts';
import { AccessLevelBody, AccessRequestBody, AccessRequestView, DecisionBody, FilePath, ReadablePackageView, SearchParams, SearchResultView } from './http-schema.ts';
import type { ArchiveSearch } from './service.ts';

const tags = ['archive'];

/** A stored file as a download; the name is the path's last part (the path pattern keeps it to safe characters). */
function sendFile(reply: FastifyReply, path: string, file: { format: string; size: number; content: Readable }) {
  const name = path.split('/').pop() ?? 'file';
  return reply.type(file.format).header('content-length', String(file.size)).header('content-disposition', `attachment; filename="${name}"`).send(file.content);
}
const PackageParams = Closed({ identifier: Identifier });

/** ARCHIVE_PUBLIC_REQUESTS_PER_MINUTE (120): the public search is open to anyone, so it is metered like /api/verify. */
export function archiveSearchRoutes(app: App, search: ArchiveSearch, env: NodeJS.ProcessEnv): void {
  const metered = { rateLimit: { max: integer(env, 'ARCHIVE_PUBLIC_REQUESTS_PER_MINUTE', 120, 1, 1_000_000), timeWindow: '1 minute' } };

  app.get('/api/public/archive/search', {
    config: { access: 'public', ...metered },
    schema: { tags, summary: 'Search the public records of the archive (descriptions and scanned pages), with facets', querystring: SearchParams, response: { 200: SearchResultView, ...errors(400, 429) } },
  }, async (request) => search.searchPublic(request.query));

  app.get('/api/public/archive/packages/:identifier', {
    config: { access: 'public', ...metered },
    schema: { tags, summary: "A public record's description and file list (logged as an access)", params: PackageParams, response: { 200: ReadablePackageView, ...errors(400, 404, 429) } },
  }, async (request) => search.readPublicPackage(request.ip, request.params.identifier));

  app.get('/api/public/archive/packages/:identifier/file', {
    config: { access: 'public', ...metered },
    schema: { tags, summary: 'Download one file of a public record (logged as an access)', params: PackageParams, querystring: FilePath, response: errors(400, 404, 429) },
  }, async (request, reply) => sendFile(reply, request.query.path, await search.readPublicFile(request.ip, request.params.identifier, request.query.path)));

  app.get('/api/archive/search', {
    config: { access: 'archive.search' },
    schema: { tags, summary: "Search the records the reader may see: public ones, their agencies' restricted (and, for archivists, confidential) ones, those granted to them", querystring: SearchParams, response: { 200: SearchResultView, ...errors(400, 401, 403) } },
  }, async (request) => search.search(principalOf(request), request.query));

  app.get('/api/archive/records/:identifier', {
    config: { access: 'archive.search' },
    schema: { tags, summary: "A record's description and file list, if the reader may see it (logged as an access)", params: PackageParams, response: { 200: ReadablePackageView, ...errors(400, 401, 403, 404) } },
  }, async (request) => search.readPackage(principalOf(request), request.params.identifier));

  app.get('/api/archive/records/:identifier/file', {
    config: { access: 'archive.search' },
    schema: { tags, summary: "Download one file of a record the reader may see (logged as an access)", params: PackageParams, querystring: FilePath, response: errors(400, 401, 403, 404) },
  }, async (request, reply) => sendFile(reply, request.query.path, await search.readFile(principalOf(request), request.params.identifier, request.query.path)));

  app.put('/api/archive/packages/:identifier/access-level', {
    config: { access: 'archive.manage' },
    schema: { tags, summary: "Set a package's access level (the producing agency's archivist; audited with the reason)", params: PackageParams, body: AccessLevelBody, response: { 200: Type.Object({ identifier: Type.String(), accessLevel: Type.String() }), ...errors(400, 401, 403, 404) } },
  }, async (request) => search.setAccessLevel(principalOf(request), changeContext(request), request.params.identifier, request.body.level, request.body.reason));

  app.post('/api/archive/packages/:identifier/access-requests', {
    config: { access: 'archive.request' },
    schema: { tags, summary: 'Ask to read a restricted record, with the reason', params: PackageParams, body: AccessRequestBody, response: { 201: AccessRequestView, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(201).send(await search.requestAccess(principalOf(request), changeContext(request), request.params.identifier, request.body.reason)));

  app.get('/api/archive/access-requests', {
    config: { access: 'archive.manage' },
    schema: { tags, summary: "Access requests on the archivist's agencies' records, oldest first", querystring: Closed({ state: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('granted'), Type.Literal('refused')])) }), response: { 200: Type.Object({ items: Type.Array(AccessRequestView) }), ...errors(400, 401, 403) } },
  }, async (request) => ({ items: await search.listAccessRequests(principalOf(request), request.query.state) }));

  app.get('/api/archive/access-requests/mine', {
    config: { access: 'archive.request' },
    schema: { tags, summary: "The signed-in person's own access requests, newest first, with their state", response: { 200: Type.Object({ items: Type.Array(AccessRequestView) }), ...errors(401, 403) } },
  }, async (request) => ({ items: await search.myAccessRequests(principalOf(request)) }));

  app.post('/api/archive/access-requests/:id/decision', {
    config: { access: 'archive.manage' },
    schema: { tags, summary: 'Grant (for a number of days) or refuse a pending access request', params: Closed({ id: Uuid }), body: DecisionBody, response: { 200: AccessRequestView, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => search.decideAccessRequest(principalOf(request), changeContext(request), request.params.id, request.body));
}
