import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/errors.ts';
import { changeContext, principalOf } from '../../../platform/http/request-context.ts';
import { Closed, errors } from '../../../platform/http/schema.ts';
import type { App } from '../../../platform/http/server.ts';
import { notificationXml } from '../wco/notification.ts';
import { elementPathOf, readDeclarationXml } from '../wco/read-declaration.ts';
import type { DeclarationService } from './service.ts';

/** A 999-item declaration is about 2.3 MiB of XML. */
const XML_LIMIT = 4 * 1024 * 1024;
const XML = 'application/xml; charset=utf-8';

/** The refusal of a declaration read from XML points at the element as well as the field. */
function withElementPaths(error: unknown, sources: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof AppError)) return error;
  const details = error.details as { fields?: { path: string }[] } | undefined;
  if (!details?.fields) return error;
  const fields = details.fields.map((field) => ({ ...field, element: elementPathOf(sources, field.path) ?? null }));
  return new AppError(error.status, error.code, error.params, { ...details, fields }, error.headers);
}

const wantsJson = (accept: string | undefined) => (accept ?? '').includes('json');

export function declarationXmlRoutes(app: App, declarations: DeclarationService): void {
  const tags = ['customs'];
  app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    raw.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: XML_LIMIT }, (_request, body, done) => done(null, body));

    raw.post('/api/customs/declarations/wco', {
      config: { access: 'customs.declare' },
      bodyLimit: XML_LIMIT,
      schema: {
        tags,
        summary: 'Lodge a WCO DM 3.6 Declaration (DEC) in XML; answers with the WCO response (RES) of the last notification, or JSON with Accept: application/json (docs/customs/wco-xml.md)',
        response: errors(400, 401, 403, 409, 413, 415, 422),
      },
    }, async (request, reply) => {
      const { declaration, warnings, sources } = await readDeclarationXml(String(request.body ?? ''));
      const lodged = await declarations.lodge(principalOf(request), changeContext(request), declaration).catch((error: unknown) => {
        throw withElementPaths(error, sources);
      });
      reply.status(201).header('location', `/api/customs/declarations/${lodged.reference}`);
      if (wantsJson(request.headers.accept)) return reply.send({ declaration: lodged, warnings });
      const last = lodged.notifications.at(-1);
      return reply.type(XML).send(last ? notificationXml(last) : '');
    });

    raw.get('/api/customs/declarations/:reference/notifications/:id', {
      config: { access: 'session.self' },
      schema: {
        tags,
        summary: 'One notification sent about a declaration, as the WCO response (RES) XML',
        params: Closed({ reference: Type.String({ pattern: '^[A-Z0-9]{4,10}-[0-9]{4}-[0-9]{6,}$' }), id: Type.String({ pattern: '^[0-9]{1,18}$' }) }),
        response: errors(400, 401, 404),
      },
    }, async (request, reply) => {
      const detail = await declarations.get(principalOf(request), request.params.reference);
      const notification = detail.notifications.find((n) => n.id === request.params.id);
      if (!notification) throw new AppError(404, 'not_found', { record: 'notification', id: request.params.id });
      return reply.type(XML).send(notificationXml(notification));
    });
  });
}
