import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import {
  toErrorSchema,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

/**
 * The form library's validator, on a JSON Schema 2020-12 evaluator that interprets schemas
 * rather than compiling them to JavaScript. Ajv (the library's usual validator, and the server's)
 * generates code with `new Function`, which the platform's Content-Security-Policy (script-src
 * 'self', no 'unsafe-eval') rightly forbids; procedure schemas are data published at run time,
 * so they cannot be compiled ahead either. The server validates again with Ajv on submission.
 */

type Data = Record<string, unknown>;

/** Keywords that only say "something below failed": the failure below is the one to show. */
const wrappers = new Set(['properties', 'items', 'prefixItems', 'allOf', 'if', 'then', 'else', '$ref', 'dependentSchemas', 'contains', 'unevaluatedProperties', 'unevaluatedItems']);

function decodePointer(pointer: string): string[] {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a failed keyword was given in the schema (`minLength: 2` → 2), for the message. */
function keywordValue(root: unknown, keywordLocation: string): unknown {
  return decodePointer(keywordLocation).reduce<unknown>(
    (node, segment) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined),
    root,
  );
}

/** One evaluator's finding in the shape the form library reads (Ajv's, as its own validator makes). */
export function toLibraryError(unit: OutputUnit, schema: unknown): RJSFValidationError {
  const path = decodePointer(unit.instanceLocation);
  const params: Record<string, unknown> = {};
  if (unit.keyword === 'required') {
    // The evaluator names the missing property only in its message: `... required property "x".`
    const missing = /"([^"]+)"/.exec(unit.error)?.[1];
    if (missing !== undefined) {
      params.missingProperty = missing;
      path.push(missing);
    }
  } else if (unit.keyword === 'format') {
    params.format = keywordValue(schema, unit.keywordLocation);
  } else {
    params.limit = keywordValue(schema, unit.keywordLocation);
  }
  const property = path.map((segment) => `.${segment}`).join('');
  return {
    name: unit.keyword,
    property,
    message: unit.error,
    params,
    schemaPath: unit.keywordLocation,
    stack: `${property} ${unit.error}`.trim(),
  };
}

export class InterpretingValidator implements ValidatorType<Data> {
  private readonly compiled = new WeakMap<object, Validator>();

  private validatorFor(schema: RJSFSchema): Validator {
    let validator = this.compiled.get(schema);
    if (!validator) {
      validator = new Validator(schema as Schema, '2020-12', false);
      this.compiled.set(schema, validator);
    }
    return validator;
  }

  rawValidation<Result = OutputUnit>(schema: RJSFSchema, formData?: Data): { errors?: Result[]; validationError?: Error } {
    try {
      const result = this.validatorFor(schema).validate(formData ?? {});
      const errors = result.errors.filter((unit) => !wrappers.has(unit.keyword));
      return { errors: errors.length > 0 ? (errors as Result[]) : undefined };
    } catch (error) {
      return { validationError: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  validateFormData(
    formData: Data | undefined,
    schema: RJSFSchema,
    _customValidate?: CustomValidator<Data>,
    transformErrors?: ErrorTransformer<Data>,
    uiSchema?: UiSchema<Data>,
  ): ValidationData<Data> {
    const { errors = [], validationError } = this.rawValidation<OutputUnit>(schema, formData);
    let found = errors.map((unit) => toLibraryError(unit, schema));
    if (validationError) found.push({ name: 'schema', message: validationError.message, stack: validationError.message, property: '' });
    if (transformErrors) found = transformErrors(found, uiSchema);
    return { errors: found, errorSchema: toErrorSchema<Data>(found) };
  }

  /** Used by the library to pick the branch of an `if`/`then` or `oneOf` the data matches. */
  isValid(schema: RJSFSchema, formData: Data | undefined): boolean {
    try {
      return this.validatorFor(schema).validate(formData).valid;
    } catch {
      return false;
    }
  }
}
