import { Type } from 'typebox';
import { principalOf } from '../../platform/http/request-context.ts';
import { Closed, errors } from '../../platform/http/schema.ts';
import type { App } from '../../platform/http/server.ts';
import { FixityReportView, Identifier, PackageQuery, PackageSummary, PackageView } from './http-schema.ts';
import type { Archive } from './service.ts';

const tags = ['archive'];

/** The archivists' read API: packages, one package with its files and events, the last fixity report. */
export function archiveRoutes(app: App, archive: Archive): void {
  app.get('/api/archive/packages', {
    config: { access: 'archive.read' },
    schema: {
      tags,
      summary: "Archived packages of the reader's agencies, newest first",
      querystring: PackageQuery,
      response: { 200: Type.Object({ items: Type.Array(PackageSummary), nextOffset: Type.Union([Type.Integer(), Type.Null()]) }), ...errors(400, 401, 403) },
    },
  }, async (request) => {
    const { limit = 50, offset = 0, source } = request.query;
    const items = await archive.listPackages(principalOf(request), { limit, offset, sourceReference: source });
    return { items, nextOffset: items.length === limit ? offset + limit : null };
  });

  app.get('/api/archive/packages/:identifier', {
    config: { access: 'archive.read' },
    schema: {
      tags,
      summary: "One package: its files with SHA-256, SHA-512 and the state of each copy, and its latest 500 PREMIS events",
      params: Closed({ identifier: Identifier }),
      response: { 200: PackageView, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => archive.packageDetail(principalOf(request), request.params.identifier));

  app.get('/api/archive/fixity/latest', {
    config: { access: 'archive.read' },
    schema: {
      tags,
      summary: "The last fixity audit: contents checked, copies repaired, files lost (problems of the reader's agencies)",
      response: { 200: FixityReportView, ...errors(401, 403, 404) },
    },
  }, async (request) => archive.latestFixityReport(principalOf(request)));
}
