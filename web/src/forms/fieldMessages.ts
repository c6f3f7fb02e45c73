import { ApiError } from '../api/client';
import type { FieldProblem } from '../api/types';

/** A message about one field, in the language the server wrote it in. */
export interface FieldMessage {
  text: string;
  language: string;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { path?: unknown }).path === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * The messages of a refusal, by form field. The server names a field by where it sits in the
 * request (`body.grants[0].agencyId`, `querystring.from`); the form knows it as `grants[0].agencyId`
 * or `from`. Some refusals name no field but are about one (`email_taken`): `byCode` places them.
 */
export function fieldMessages(
  error: unknown,
  part: 'body' | 'querystring',
  byCode: Readonly<Record<string, string>> = {},
): ReadonlyMap<string, FieldMessage> {
  const messages = new Map<string, FieldMessage>();
  if (!(error instanceof ApiError)) return messages;
  const field = byCode[error.code];
  if (field) messages.set(field, { text: error.message, language: error.language });
  const fields: unknown = (error.details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return messages;
  const prefix = `${part}.`;
  for (const problem of fields) {
    if (!isFieldProblem(problem) || !problem.path.startsWith(prefix)) continue;
    const name = problem.path.slice(prefix.length);
    // The first message per field is the one a person can act on; the others repeat it.
    if (!messages.has(name)) messages.set(name, { text: problem.message, language: error.language });
  }
  return messages;
}
