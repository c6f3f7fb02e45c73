import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv, type Options as AjvOptions } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import { installAccessGuard } from '../auth/guard.ts';
import type { Db } from '../db/database.ts';
import { negotiateLocale, type Locale } from '../i18n/i18n.ts';
import { installErrorHandling, sendError } from './error-handler.ts';
import { AppError } from './errors.ts';
import { installMetrics } from './metrics.ts';
import { installOpenApi } from './openapi.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface HttpOptions {
  db: Db;
  logLevel: string;
  bodyLimit: number;
  defaultLocale: Locale;
  staffTotpRequired: boolean;
  /** Sign-in attempts allowed per client address per minute, before the account lockout. */
  authAttemptsPerMinute: number;
  publicUrl: string;
  trustProxyHops: number;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function ajvFor(coerceTypes: AjvOptions['coerceTypes']) {
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes, strict: false });
  addFormats.default(ajv);
  return ajv;
}

/**
 * The HTTP shell every module's routes sit in: request ids, translated errors, security headers,
 * schema validation, the access guard, metrics and the OpenAPI document.
 */
export async function createHttpServer(options: HttpOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: options.bodyLimit,
    // Trust an incoming request id only when it looks like one; otherwise mint our own.
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    // A path parameter may be a file's name (a scanned record's, up to 255 characters); find-my-way's default is 100.
    routerOptions: { maxParamLength: 256 },
    // A URL Fastify cannot even decode fails before any hook: answer it in the same shape.
    frameworkErrors: (error, request, reply) => {
      request.locale = negotiateLocale(request.headers['accept-language'], options.defaultLocale);
      sendError(error, request, reply);
    },
    // Behind a load balancer the client address comes from X-Forwarded-For, hop by trusted hop.
    trustProxy: (_address: string, hop: number) => hop < options.trustProxyHops,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Bodies are never coerced ("12" is not a number); query strings and params are text by nature.
  const strictAjv = ajvFor(false);
  const coercingAjv = ajvFor('array');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema));

  app.decorateRequest('locale', 'fr');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(request.headers['accept-language'], options.defaultLocale);
    void reply.header('x-request-id', request.id);
  });

  installErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: options.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: options.publicUrl.startsWith('https:'),
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(429, 'rate_limited', { seconds }, { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
    },
  });
  installMetrics(app);
  installAccessGuard(app, options.db, { staffTotpRequired: options.staffTotpRequired });
  await installOpenApi(app);
  return app;
}

/** Route config for endpoints that take a password or a code: a per-address budget. */
export const authRateLimit = (options: Pick<HttpOptions, 'authAttemptsPerMinute'>) => ({
  rateLimit: { max: options.authAttemptsPerMinute, timeWindow: '1 minute' },
});
