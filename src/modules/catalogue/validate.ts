import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { checkDefinition, type DefinitionProblem } from './definition-rules.ts';
import { ProcedureDefinition } from './definition.ts';

/** The Ajv that compiles form schemas, on the server as the browser's form library does: 2020-12 with formats. */
export function formAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

const definitionAjv = formAjv();
const matchesShape = definitionAjv.compile<ProcedureDefinition>(ProcedureDefinition);

export type DefinitionValidation = { ok: true; definition: ProcedureDefinition } | { ok: false; errors: DefinitionProblem[] };

/**
 * Validates a definition in three passes, stopping at the first that fails: its shape (the
 * definition's own JSON Schema), its form schema (compiles, accepts its example), then the
 * cross-references (`checkDefinition`). Every error carries the JSON path at fault.
 */
export function validateDefinition(raw: unknown, agencyCodes: readonly string[]): DefinitionValidation {
  if (!matchesShape(raw)) {
    return {
      ok: false,
      errors: (matchesShape.errors ?? []).map((e) => ({ path: e.instancePath || '/', code: 'schema', params: { keyword: e.keyword, message: e.message ?? '', ...e.params } })),
    };
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
    return {
      ok: false,
      errors: (acceptsForm.errors ?? []).map((e) => ({ path: `/form/example${e.instancePath}`, code: 'example_rejected', params: { message: e.message ?? '' } })),
    };
  }
  const problems = checkDefinition(definition, agencyCodes);
  return problems.length ? { ok: false, errors: problems } : { ok: true, definition };
}
