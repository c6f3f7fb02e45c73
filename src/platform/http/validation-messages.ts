import type { ErrorObject } from 'ajv';
import { translate, type Locale } from '../i18n/i18n.ts';

const KNOWN = new Set(['required', 'additionalProperties', 'type', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'enum', 'const']);

/** Where the problem is, as a person reads it: `body.items[2].quantity`. */
export function pathOf(error: ErrorObject, part: string): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') segments.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
  return segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : `${acc}.${s}`), part);
}

export interface FieldProblem {
  path: string;
  keyword: string;
  message: string;
}

/** The catalogue key and parameters that say what is wrong with one Ajv error at `path`. */
export function validationMessage(error: ErrorObject, path: string): { messageKey: string; params: Record<string, unknown> } {
  const params = error.params as Record<string, unknown>;
  return {
    messageKey: `validation.${KNOWN.has(error.keyword) ? error.keyword : 'other'}`,
    params: {
      path,
      type: params.type,
      format: params.format,
      limit: params.limit,
      values: Array.isArray(params.allowedValues) ? params.allowedValues.join(', ') : undefined,
      value: JSON.stringify(params.allowedValue),
      message: error.message,
    },
  };
}

/** Turns Ajv's errors into translated, actionable messages, one per field. */
export function describeValidationErrors(errors: ErrorObject[], part: string, locale: Locale): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    // A union that fails reports every branch; one message per path is enough.
    const path = pathOf(error, part);
    const { messageKey, params } = validationMessage(error, path);
    const message = translate(locale, messageKey, params);
    if (seen.has(path + error.keyword)) continue;
    seen.add(path + error.keyword);
    problems.push({ path, keyword: error.keyword, message });
  }
  return problems;
}
