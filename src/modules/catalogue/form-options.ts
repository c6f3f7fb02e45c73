import type { ProcedureDefinition } from './definition.ts';

/**
 * Labels of choice values (`form.options`): a field with a list of values (`enum`) shows each
 * value by its label in the reader's language, and stores the value itself. Field paths follow
 * the convention of `form.labels`: `parent.child` inside an object, `parent[].child` inside the
 * items of an array of objects, and the field's own name for a list of plain values.
 */

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: unknown; enum?: unknown };

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema of the field at a label path, or null when the form has no such field. */
function fieldAt(schema: SchemaNode, fieldPath: string): SchemaNode | null {
  const segments = fieldPath.split('.');
  let node: SchemaNode | null = schema;
  for (const [index, segment] of segments.entries()) {
    const intoItems = segment.endsWith('[]');
    // A list of plain values is labelled by its own name, never `name[]`.
    if (intoItems && index === segments.length - 1) return null;
    const child: unknown = node?.properties?.[intoItems ? segment.slice(0, -2) : segment];
    if (!isNode(child)) return null;
    node = intoItems ? (isNode(child.items) ? child.items : null) : child;
  }
  return node;
}

/** The values a field may take, as option keys (numbers written as text); null for a field that is not a choice. */
export function choicesAt(schema: SchemaNode, fieldPath: string): string[] | null {
  const field = fieldAt(schema, fieldPath);
  const list = field?.enum ?? (isNode(field?.items) ? field.items.enum : undefined);
  return Array.isArray(list) ? list.map(String) : null;
}

/** RFC 6901 §3: `~` and `/` inside a reference token. */
const pointerToken = (text: string) => text.replace(/~/g, '~0').replace(/\//g, '~1');

export interface OptionProblem {
  path: string;
  code: string;
  params: Record<string, unknown>;
}

/**
 * Every labelled field exists and is a choice, every one of its values has a label, and no label
 * is given for a value the field cannot take (a typo would leave the real value unlabelled).
 */
export function checkFormOptions(form: ProcedureDefinition['form']): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const [field, labels] of Object.entries(form.options ?? {})) {
    const at = `/form/options/${pointerToken(field)}`;
    const schema = form.schema as SchemaNode;
    const fieldExists = fieldAt(schema, field) !== null;
    const choices = choicesAt(schema, field);
    if (!fieldExists) problems.push({ path: at, code: 'option_field_unknown', params: { field } });
    else if (!choices) problems.push({ path: at, code: 'option_field_not_a_choice', params: { field } });
    if (!choices) continue;
    for (const value of choices) if (!labels[value]) problems.push({ path: at, code: 'option_label_missing', params: { field, value } });
    for (const value of Object.keys(labels)) {
      if (!choices.includes(value)) problems.push({ path: `${at}/${pointerToken(value)}`, code: 'option_value_unknown', params: { field, value } });
    }
  }
  return problems;
}
