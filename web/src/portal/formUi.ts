import type { ErrorSchema, RJSFValidationError, UiSchema } from '@rjsf/utils';
import type { TFunction } from 'i18next';
import type { Language } from '../api/types';
import type { ProcedureDefinition } from './definition';

/**
 * How a procedure's form is shown: the definition carries the JSON Schema (what the data is) and,
 * beside it, labels in three languages and a layout in sections (how a person reads it). This
 * turns the second part into the form library's `uiSchema`, and the server's refusals into its
 * error schema, so both sit next to the fields they are about.
 */

type JsonSchema = Record<string, unknown>;

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const properties = schema.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, JsonSchema>) : {};
}

function itemsOf(schema: JsonSchema): JsonSchema | null {
  const items = schema.items;
  return typeof items === 'object' && items !== null && !Array.isArray(items) ? (items as JsonSchema) : null;
}

type FormWords = Pick<ProcedureDefinition['form'], 'labels' | 'options'>;

/**
 * The names the form library shows for the values of a choice field (`ui:enumNames`, keyed by
 * value as text): the definition's labels in the chosen language. A value without a label shows
 * as itself; the stored value is the value either way.
 */
function choiceNames(words: FormWords, path: string, language: Language): Record<string, string> | null {
  const options = words.options?.[path];
  if (!options) return null;
  return Object.fromEntries(Object.entries(options).map(([value, label]) => [value, label[language]]));
}

/**
 * The uiSchema of one object: each property titled by its label at `prefix + name`, following
 * the definition's convention (`parent.child` inside objects, `parent[].child` inside array items),
 * and its values named when it is a choice.
 */
function objectUi(schema: JsonSchema, words: FormWords, language: Language, prefix: string): UiSchema {
  const ui: UiSchema = {};
  for (const [name, property] of Object.entries(propertiesOf(schema))) {
    const path = `${prefix}${name}`;
    const field: UiSchema = {};
    const label = words.labels[path];
    const names = choiceNames(words, path, language);
    if (label) field['ui:title'] = label[language];
    if (names && Array.isArray(property.enum)) field['ui:enumNames'] = names;
    if (property.type === 'object') Object.assign(field, objectUi(property, words, language, `${path}.`));
    const items = itemsOf(property);
    if (property.type === 'array' && items?.type === 'object') field.items = objectUi(items, words, language, `${path}[].`);
    // A list of plain values: each entry is announced with the list's own label, and a list of
    // choices (checkboxes) takes its names from the items' uiSchema.
    else if (property.type === 'array' && (label || names)) {
      field.items = { ...(label ? { 'ui:title': label[language] } : {}), ...(names ? { 'ui:enumNames': names } : {}) };
    }
    ui[name] = field;
  }
  return ui;
}

export interface FormSection {
  title: string;
  fields: string[];
}

/** What the root object template needs to group the top-level fields into titled fieldsets. */
export interface PortalFormContext {
  sections: FormSection[];
}

export function formContextFor(definition: ProcedureDefinition, language: Language): PortalFormContext {
  return { sections: definition.form.layout.map((part) => ({ title: part.title[language], fields: part.fields })) };
}

export function uiSchemaFor(definition: ProcedureDefinition, language: Language): UiSchema {
  const ordered = definition.form.layout.flatMap((part) => part.fields);
  return {
    ...objectUi(definition.form.schema, definition.form, language, ''),
    // Fields the layout forgets still show, after the others.
    'ui:order': [...ordered, '*'],
    'ui:submitButtonOptions': { norender: true },
  };
}

/** The keywords the portal words itself; anything else gets the generic message. */
const wordedKeywords = new Set([
  'required',
  'type',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'pattern',
  'enum',
  'const',
  'minItems',
  'maxItems',
  'uniqueItems',
]);

/**
 * The browser's own checks in the reader's language. An `if`/`then` failure is reported twice by
 * Ajv (the `if` and the missing field): the field's own message is the one a person can act on.
 */
export function wordValidationErrors(errors: RJSFValidationError[], t: TFunction): RJSFValidationError[] {
  return errors
    .filter((error) => error.name !== 'if')
    .map((error) => {
      const keyword = error.name && wordedKeywords.has(error.name) ? error.name : 'other';
      const params = (error.params ?? {}) as Record<string, unknown>;
      const message = t(`portal.validation.${keyword}`, { limit: String(params.limit ?? ''), format: String(params.format ?? '') });
      return { ...error, message, stack: message };
    });
}

export interface ServerFieldProblem {
  path: string;
  pointer?: string;
  code?: string;
  message: string;
}

function isProblem(value: unknown): value is ServerFieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { path?: unknown }).path === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The server's refusal of a submission, sorted by where each message belongs on the page. */
export interface PlacedProblems {
  /** Messages on form fields, in the form library's error-schema shape. */
  form: ErrorSchema;
  /** Messages on attachment rows, by attachment kind. */
  attachments: Record<string, string>;
  /** Messages the page cannot place next to a field: shown in the summary only. */
  unplaced: string[];
}

function addAt(schema: ErrorSchema, segments: string[], message: string): void {
  let node = schema as Record<string, unknown>;
  for (const segment of segments) {
    node[segment] ??= {};
    node = node[segment] as Record<string, unknown>;
  }
  const list = (node.__errors as string[] | undefined) ?? [];
  node.__errors = [...list, message];
}

function segmentsOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Places each `details.fields[]` of a 400 `validation_failed` by its JSON pointer into the form
 * data (`/manager/nationalId`, `/goods/0/hsCode`) or onto an attachment (`/attachments/<kind>`).
 * The pointer is `pointer` when the server sends one, else `path` when it is a pointer.
 */
export function placeProblems(details: unknown): PlacedProblems {
  const placed: PlacedProblems = { form: {}, attachments: {}, unplaced: [] };
  const fields: unknown = (details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return placed;
  for (const problem of fields) {
    if (!isProblem(problem)) continue;
    const pointer = problem.pointer ?? (problem.path.startsWith('/') ? problem.path : null);
    const segments = pointer ? segmentsOf(pointer) : [];
    if (segments[0] === 'attachments' && segments[1]) placed.attachments[segments[1]] ??= problem.message;
    else if (segments.length > 0) addAt(placed.form, segments, problem.message);
    else placed.unplaced.push(problem.message);
  }
  return placed;
}
