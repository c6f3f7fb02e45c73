import type { ErrorBody } from './types';

/**
 * A refusal from the server, carrying its error code and its already-translated message.
 * `status` 0 means the server could not be reached at all.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** The language the server wrote `message` in: the one the request asked for. */
  readonly language: string;

  constructor(status: number, code: string, message: string, language: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.language = language;
    this.details = details;
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON, except a `Blob` (a chosen file), sent as its raw bytes under its own type. */
  body?: unknown;
  /** Extra request headers (an upload's `X-File-Name`). */
  headers?: Record<string, string>;
  /** The server translates its messages by this header. */
  language: string;
  /** Required by the server on every non-GET request of a signed-in session. */
  csrfToken?: string | null;
  signal?: AbortSignal;
}

/** Codes the shell itself produces, translated client-side under `errors.<code>`. */
export const clientErrorCodes = { network: 'network_unreachable', unreadable: 'unreadable_response' } as const;

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** The single way the shell talks to `/api`: JSON in, JSON out, errors as `ApiError`. */
export async function apiRequest<T>(path: string, request: ApiRequest): Promise<T> {
  const method = request.method ?? 'GET';
  const raw = request.body instanceof Blob ? request.body : null;
  const headers: Record<string, string> = {
    ...request.headers,
    accept: 'application/json',
    'accept-language': request.language,
  };
  if (raw) headers['content-type'] = raw.type || 'application/octet-stream';
  else if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && request.csrfToken) headers['x-csrf-token'] = request.csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
      credentials: 'same-origin',
      signal: request.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, clientErrorCodes.network, '', request.language);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    throw new ApiError(response.status, code, message, request.language, details);
  }
  throw new ApiError(response.status, clientErrorCodes.unreadable, '', request.language);
}
