import type { Localised } from '../applications/types';
import type { ProcedureDefinition } from '../portal/definition';

/** What the definition says about presenting its form: sections and labels. */
export type FormPresentation = Pick<ProcedureDefinition['form'], 'layout' | 'labels'>;

/** One value of the applicant's form, shaped for a read-only description list. */
export type DataValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'list'; items: DataValue[] }
  | { kind: 'group'; rows: DataRow[] };

export interface DataRow {
  /** The field's path in the data (`manager.lastName`), also the key of its label. */
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

function valueOf(value: unknown, path: string, labels: FormPresentation['labels']): DataValue {
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (Array.isArray(value)) return { kind: 'list', items: value.map((item) => valueOf(item, path, labels)) };
  if (typeof value === 'object' && value !== null) {
    return { kind: 'group', rows: rowsOf(value as Record<string, unknown>, Object.keys(value), path, labels) };
  }
  return { kind: 'text', text: value === null || value === undefined ? '' : String(value) };
}

function rowsOf(data: Record<string, unknown>, fields: readonly string[], prefix: string, labels: FormPresentation['labels']): DataRow[] {
  return fields
    .filter((field) => data[field] !== undefined && data[field] !== null && data[field] !== '')
    .map((field) => {
      const path = prefix ? `${prefix}.${field}` : field;
      return { path, label: labels[path] ?? null, value: valueOf(data[field], path, labels) };
    });
}

/**
 * The form data in the order and sections the applicant filled it in (the pinned definition's
 * layout); fields left empty are left out, and anything the layout does not list comes last, so
 * that nothing the applicant sent is hidden from the officer.
 */
export function formSections(data: Record<string, unknown>, form: FormPresentation): DataSection[] {
  const sections: DataSection[] = form.layout
    .map((section) => ({ title: section.title, rows: rowsOf(data, section.fields, '', form.labels) }))
    .filter((section) => section.rows.length > 0);
  const laidOut = new Set(form.layout.flatMap((section) => section.fields));
  const rest = rowsOf(data, Object.keys(data).filter((field) => !laidOut.has(field)), '', form.labels);
  if (rest.length > 0) sections.push({ title: null, rows: rest });
  return sections;
}
