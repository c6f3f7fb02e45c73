/**
 * Puts each of the server's objections to a declaration next to the field it is about. The API
 * names fields two ways: a schema refusal (400 `validation_failed`) by where they sit in the
 * request, `body.items[0].customsValue`; a declaration it has read (422 `declaration_invalid`,
 * check-input.ts and the regulatory matrix) by the declaration's own path, `items[0].hsCode`. An
 * objection about a part the form shows no field for (`items[0].documents[2]`, `importer`) goes
 * to the nearest enclosing part that it does show.
 */
import { ApiError } from '../api/client';
import type { FieldMessage } from '../forms/fieldMessages';

export interface PlacedMessages {
  /** By the path of a field or group the form shows. */
  byPath: ReadonlyMap<string, FieldMessage>;
  /** Objections about nothing the form shows: listed with the error summary instead. */
  elsewhere: readonly FieldMessage[];
}

interface Objection {
  path: string;
  message: string;
}

function isObjection(value: unknown): value is Objection {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { path?: unknown }).path === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** `items[0].documents[1].reference` → `items[0].documents[1]`; the top (`''`) has no parent. */
export function parentPath(path: string): string | null {
  if (path === '') return null;
  return path.replace(/(?:\.[^.[\]]+|\[\d+\]|^[^.[\]]+)$/, '');
}

/** The path itself when the form shows it, else its nearest shown ancestor; null when none is. */
export function nearestShown(path: string, shown: ReadonlySet<string>): string | null {
  for (let candidate: string | null = path; candidate !== null; candidate = parentPath(candidate)) {
    if (shown.has(candidate)) return candidate;
  }
  return null;
}

/**
 * Every objection of a refusal, placed. Two objections to the same field (two documents the
 * matrix requires on one item) are read together, in the order the server gave them.
 */
export function placeObjections(error: unknown, shown: ReadonlySet<string>): PlacedMessages {
  const byPath = new Map<string, FieldMessage>();
  const elsewhere: FieldMessage[] = [];
  if (!(error instanceof ApiError)) return { byPath, elsewhere };
  const fields: unknown = (error.details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return { byPath, elsewhere };
  for (const objection of fields) {
    if (!isObjection(objection)) continue;
    const path = objection.path === 'body' ? '' : objection.path.replace(/^body\./, '');
    const place = nearestShown(path, shown);
    if (place === null) {
      elsewhere.push({ text: objection.message, language: error.language });
      continue;
    }
    const before = byPath.get(place);
    if (before?.text.includes(objection.message)) continue;
    byPath.set(place, { text: before ? `${before.text} ${objection.message}` : objection.message, language: error.language });
  }
  return { byPath, elsewhere };
}
