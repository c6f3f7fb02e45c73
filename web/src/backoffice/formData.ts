import type { Localised } from '../applications/types';
import type { ProcedureDefinition } from '../portal/definition';

/**
 * What the definition says about presenting its form: sections, labels, the labels of choice
 * values, and the schema, whose property order is the order nested fields are read in.
 */
export type FormPresentation = Pick<ProcedureDefinition['form'], 'layout' | 'labels'> & Partial<Pick<ProcedureDefinition['form'], 'options' | 'schema'>>;

/** One value of the applicant's form, shaped for a read-only description list. */
export type DataValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  /** A value of a choice field the definition names: shown by its label, in the reader's language. */
  | { kind: 'choice'; value: string; label: Localised }
  | { kind: 'list'; items: DataValue[] }
  | { kind: 'group'; rows: DataRow[] };

export interface DataRow {
  /** The field's label path (`manager.lastName`, `goods[].hsCode`), also the key of its label. */
  path: string;
  /** The definition's label; null when the definition has none (the path is shown instead). */
  label: Localised | null;
  value: DataValue;
}

export interface DataSection {
  /** Null for the fields no section of the layout lists. */
  title: Localised | null;
  rows: DataRow[];
}

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The schema of the field at a label path, to read nested fields in the order the definition
 * declares them; the stored data's own key order is the database's, not the ministry's.
 */
function schemaAt(form: FormPresentation, path: string): SchemaNode | undefined {
  let node = form.schema as SchemaNode | undefined;
  for (const segment of path.split('.')) {
    node = segment.endsWith('[]') ? node?.properties?.[segment.slice(0, -2)]?.items : node?.properties?.[segment];
  }
  return node;
}

/** The data's fields in the schema's order, then any the schema does not declare. */
function fieldOrder(data: Record<string, unknown>, schema: SchemaNode | undefined): string[] {
  const declared = Object.keys(schema?.properties ?? {});
  return [...declared.filter((field) => field in data), ...Object.keys(data).filter((field) => !declared.includes(field))];
}

function valueOf(value: unknown, path: string, form: FormPresentation): DataValue {
  const label = value === null || value === undefined ? undefined : form.options?.[path]?.[String(value)];
  if (label && !isRecord(value) && !Array.isArray(value)) return { kind: 'choice', value: String(value), label };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  // Entries of a list of plain values share the list's path; entries that are objects are `list[]`.
  if (Array.isArray(value)) return { kind: 'list', items: value.map((item) => valueOf(item, isRecord(item) ? `${path}[]` : path, form)) };
  if (isRecord(value)) return { kind: 'group', rows: rowsOf(value, fieldOrder(value, schemaAt(form, path)), path, form) };
  return { kind: 'text', text: value === null || value === undefined ? '' : String(value) };
}

function rowsOf(data: Record<string, unknown>, fields: readonly string[], prefix: string, form: FormPresentation): DataRow[] {
  return fields
    .filter((field) => data[field] !== undefined && data[field] !== null && data[field] !== '')
    .map((field) => {
      const path = prefix ? `${prefix}.${field}` : field;
      return { path, label: form.labels[path] ?? null, value: valueOf(data[field], path, form) };
    });
}

/**
 * The form data in the order and sections the applicant filled it in (the pinned definition's
 * layout, and its schema's order inside nested objects); fields left empty are left out, and
 * anything the layout does not list comes last, so that nothing the applicant sent is hidden from
 * the officer. Choice values show by their label when the definition names them.
 */
export function formSections(data: Record<string, unknown>, form: FormPresentation): DataSection[] {
  const sections: DataSection[] = form.layout
    .map((section) => ({ title: section.title, rows: rowsOf(data, section.fields, '', form) }))
    .filter((section) => section.rows.length > 0);
  const laidOut = new Set(form.layout.flatMap((section) => section.fields));
  const rest = rowsOf(data, Object.keys(data).filter((field) => !laidOut.has(field)), '', form);
  if (rest.length > 0) sections.push({ title: null, rows: rest });
  return sections;
}
