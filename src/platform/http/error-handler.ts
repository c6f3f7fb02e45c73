import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/database.ts';
import { translate, type Locale } from '../i18n/i18n.ts';
import { AppError, databaseUnavailable } from './errors.ts';
import { describeValidationErrors } from './validation-messages.ts';

/** Maps Fastify's own errors (parsing, limits, validation) onto the platform's error codes. */
function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const problems = describeValidationErrors(error.validation as never, error.validationContext ?? 'body', request.locale);
    return new AppError(400, 'validation_failed', { summary: problems.map((p) => p.message).join(' ; ') }, { fields: problems });
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  // Two requests racing past the same existence check: the unique index decides, the loser hears 409.
  if ((error as { code?: unknown }).code === '23505') return new AppError(409, 'conflict', { reason: (error as { constraint?: string }).constraint ?? 'unique' });
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json', { reason: error.message });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', { limit: request.routeOptions.bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', { type: request.headers['content-type'] ?? '' });
    default:
      break;
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new AppError(400, 'invalid_json', { reason: error.message });
  }
  // Fastify's other refusals of a malformed request (bad URL, bad Content-Length…) stay 4xx.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode, 'bad_request', { reason: error.message });
  }
  return new AppError(500, 'internal_error');
}

/** Logs and sends any error in the API's one shape, translated into the request's language. */
export function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error, request);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
  const message = translate(request.locale ?? 'fr', `errors.${appError.code}`, {
    ...appError.params,
    ...(appError.params.record ? { record: translate(request.locale ?? 'fr', `records.${String(appError.params.record)}`) } : {}),
    requestId: request.id,
  });
  const details = translateFieldMessages(appError.details, request.locale ?? 'fr');
  void reply
    .status(appError.status)
    .headers(appError.headers)
    .send({ error: { code: appError.code, message, ...(details === undefined ? {} : { details }) } });
}

/** Per-field problems raised with a catalogue key (`messageKey` + `params`) get their message in the caller's language. */
function translateFieldMessages(details: unknown, locale: Locale): unknown {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return details;
  return {
    ...(details as object),
    fields: fields.map((field: { messageKey?: string; params?: Record<string, unknown> }) => {
      if (!field.messageKey) return field;
      const { messageKey, ...rest } = field;
      return { ...rest, message: translate(locale, messageKey, field.params ?? {}) };
    }),
  };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
}
