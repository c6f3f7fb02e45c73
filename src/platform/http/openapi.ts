import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * OpenAPI 3.1 generated from the routes' own schemas, served at /openapi.json, with a readable
 * page at /docs. Nothing is written by hand, so the document cannot drift from the code.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guichet API',
        version: '0.1.0',
        description:
          'National single window and e-government platform. Errors share one shape, `{ error: { code, message, details } }`, with `message` in the language of `Accept-Language` (fr, ar, en). Cookie sessions must send `x-csrf-token` on every change; machine clients send `Authorization: Bearer <API key>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'guichet_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key gk_…' },
        },
      },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}
