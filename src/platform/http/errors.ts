/**
 * The one error type of the API. Handlers and services throw it; the error handler turns it into
 * `{ error: { code, message, details } }` with the message translated into the caller's language
 * (catalogue key `errors.<code>`, interpolated with `params`).
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    params: Record<string, unknown> = {},
    details?: unknown,
    headers: Record<string, string> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.params = params;
    this.details = details;
    this.headers = headers;
  }
}

export const notAuthenticated = () => new AppError(401, 'not_authenticated');
export const forbidden = (permission: string) => new AppError(403, 'forbidden', { permission });
export const forbiddenAgency = () => new AppError(403, 'forbidden_agency');
/** `record` is a key of the `records` catalogue (user, agency…), translated in the message. */
export const notFound = (record: string, id: string) => new AppError(404, 'not_found', { record, id });
export const conflict = (code: string, params: Record<string, unknown> = {}) => new AppError(409, code, params);
export const databaseUnavailable = () => new AppError(503, 'database_unavailable', {}, undefined, { 'retry-after': '5' });

/** A refusal about one request field: the message names the problem, `details.fields` says where (for forms). */
export const fieldError = (status: number, code: string, path: string, params: Record<string, unknown> = {}) =>
  new AppError(status, code, params, { fields: [{ path, code, messageKey: `errors.${code}`, params }] });
