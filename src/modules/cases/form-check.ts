import type { ErrorObject, ValidateFunction } from 'ajv';
import { formAjv, type ProcedureDefinition } from '../catalogue/index.ts';
import { validationMessage } from '../../platform/http/validation-messages.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';

/** One reason a submission is refused, at its place in the form. */
export interface SubmissionProblem {
  /** JSON pointer into the form data (`/supplier/name`), or `/attachments/<kind>`. */
  pointer: string;
  /** The same place as a person reads it: the field's label in the applicant's language. */
  path: string;
  code: string;
  messageKey: string;
  params: Record<string, unknown>;
}

const ajv = formAjv();
const compiled = new Map<string, ValidateFunction>();

/** A pinned version's form schema never changes, so it is compiled once per process. */
function validatorFor(versionId: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(versionId);
  if (!validate) {
    if (compiled.size >= 500) {
      compiled.clear();
      ajv.removeSchema();
    }
    validate = ajv.compile(schema);
    compiled.set(versionId, validate);
  }
  return validate;
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const extra = error.keyword === 'required' ? `/${String(params.missingProperty)}` : error.keyword === 'additionalProperties' ? `/${String(params.additionalProperty)}` : '';
  return `${error.instancePath}${extra}` || '/';
}

/** `supplier.name` when labelled so, else the label of `supplier` followed by the rest of the path. */
function labelOf(definition: ProcedureDefinition, pointer: string, locale: Locale): string {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const named = segments.filter((s) => !/^\d+$/.test(s));
  const labels = definition.form.labels;
  for (let length = named.length; length > 0; length -= 1) {
    const label = labels[named.slice(0, length).join('.')];
    if (label) return [label[locale], ...named.slice(length)].join(' › ');
  }
  return segments.join('.') || '/';
}

/**
 * Every reason the form data and attachments do not satisfy the pinned version: each schema error
 * at its field, each required attachment kind missing. Empty when the submission may go ahead.
 */
export function submissionProblems(
  definition: ProcedureDefinition,
  versionId: string,
  data: Record<string, unknown>,
  attachedKinds: ReadonlySet<string>,
  locale: Locale,
): SubmissionProblem[] {
  const validate = validatorFor(versionId, definition.form.schema);
  const problems: SubmissionProblem[] = [];
  const seen = new Set<string>();
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      const pointer = pointerOf(error);
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      const path = labelOf(definition, pointer, locale);
      problems.push({ pointer, path, code: error.keyword, ...validationMessage(error, path) });
    }
  }
  for (const rule of definition.attachments) {
    if (rule.required && !attachedKinds.has(rule.kind)) {
      problems.push({
        pointer: `/attachments/${rule.kind}`,
        path: rule.label[locale],
        code: 'attachment_missing',
        messageKey: 'errors.attachment_missing',
        params: { label: rule.label[locale] },
      });
    }
  }
  return problems;
}
