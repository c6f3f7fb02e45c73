import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { pathOf, validationMessage } from '../../platform/http/validation-messages.ts';
import { checkDefinition, type DefinitionProblem } from './definition-rules.ts';
import { ProcedureDefinition } from './definition.ts';

/**
 * The Ajv that compiles form schemas, on the server as the browser's form library does: 2020-12
 * with formats. Strict, so a misspelt keyword (`patern`) is an error rather than a check silently
 * off; `required` and bounds inside if/then may name fields typed elsewhere.
 */
export function formAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  addFormats.default(ajv);
  return ajv;
}

const definitionAjv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(definitionAjv);
const matchesShape = definitionAjv.compile<ProcedureDefinition>(ProcedureDefinition);

/** Ajv's errors as definition problems at their JSON path, worded by the shared validation catalogue. */
function schemaProblems(errors: ErrorObject[] | null | undefined, code: string, prefix: string): DefinitionProblem[] {
  return (errors ?? []).map((error) => {
    const path = `${prefix}${error.instancePath}` || '/';
    return { path, code, ...validationMessage(error, pathOf(error, prefix.replace(/^\//, '').replace(/\//g, '.') || 'definition')) };
  });
}

export type DefinitionValidation = { ok: true; definition: ProcedureDefinition } | { ok: false; errors: DefinitionProblem[] };

/**
 * Validates a definition in three passes, stopping at the first that fails: its shape (the
 * definition's own JSON Schema), its form schema (compiles, accepts its example), then the
 * cross-references (`checkDefinition`). Every error carries the JSON path at fault.
 */
export function validateDefinition(raw: unknown, agencyCodes: readonly string[]): DefinitionValidation {
  if (!matchesShape(raw)) {
    return { ok: false, errors: schemaProblems(matchesShape.errors, 'schema', '') };
  }
  const definition = raw;
  if ((definition.form.schema as { type?: unknown }).type !== 'object') {
    return { ok: false, errors: [{ path: '/form/schema/type', code: 'form_schema_not_object', params: {} }] };
  }
  let acceptsForm;
  try {
    // A fresh Ajv per definition: compiled schemas are cached by Ajv, and definitions come and go.
    acceptsForm = formAjv().compile(definition.form.schema);
  } catch (error) {
    return { ok: false, errors: [{ path: '/form/schema', code: 'form_schema_invalid', params: { message: (error as Error).message } }] };
  }
  if (!acceptsForm(definition.form.example)) {
    return { ok: false, errors: schemaProblems(acceptsForm.errors, 'example_rejected', '/form/example') };
  }
  const problems = checkDefinition(definition, agencyCodes);
  return problems.length ? { ok: false, errors: problems } : { ok: true, definition };
}
