import type { LocalisedText } from '../../platform/auth/schema.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { ProcedureDefinition } from '../catalogue/index.ts';
import { formatDay, formatNumber, oneLine } from './formats.ts';

/** A printed line of a document: the form's label in the three languages, the value in the document's language. */
export interface PrintedField {
  label: LocalisedText;
  value: string;
}

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; format?: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The lines a document prints for the fields its definition names (`document.fields`), read from
 * the form data: a group (an object) becomes one line per filled sub-field, a list of groups one
 * line per sub-field of each item, numbered when there are several. Labels come from
 * `form.labels` and values of choice fields from `form.options` (the same paths: `a.b`, `a[].b`),
 * so the document reads like the form the applicant filled in. Empty fields are left out.
 */
export function printedFields(definition: ProcedureDefinition, data: Record<string, unknown>, language: Locale): PrintedField[] {
  const { labels, options = {} } = definition.form;
  const lines: PrintedField[] = [];

  const labelOf = (path: string, ordinal: number | null): LocalisedText => {
    const label = labels[path] ?? { fr: path, ar: path, en: path };
    return ordinal === null ? label : { fr: `${label.fr} (${ordinal})`, ar: `${label.ar} (${ordinal})`, en: `${label.en} (${ordinal})` };
  };

  const scalar = (path: string, node: SchemaNode | undefined, value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    const choice = options[path]?.[String(value)];
    if (choice) return choice[language];
    if (typeof value === 'boolean') return translate(language, value ? 'documents.yes' : 'documents.no');
    if (typeof value === 'number') return formatNumber(value, language);
    if (typeof value === 'string') return node?.format === 'date' ? formatDay(value, language) : oneLine(value);
    return null;
  };

  const visit = (path: string, node: SchemaNode | undefined, value: unknown, ordinal: number | null): void => {
    if (isObject(value)) {
      // The schema's order, which is the form's; the stored JSON's key order is the database's.
      const keys = [...Object.keys(node?.properties ?? {}), ...Object.keys(value)].filter((k, i, all) => all.indexOf(k) === i && k in value);
      for (const key of keys) visit(`${path}.${key}`, node?.properties?.[key], value[key], ordinal);
      return;
    }
    if (Array.isArray(value)) {
      if (value.some(isObject)) {
        value.forEach((item, index) => {
          if (!isObject(item)) return;
          const itemNode = node?.items;
          const keys = [...Object.keys(itemNode?.properties ?? {}), ...Object.keys(item)].filter((k, i, all) => all.indexOf(k) === i && k in item);
          for (const key of keys) visit(`${path}[].${key}`, itemNode?.properties?.[key], item[key], value.length > 1 ? index + 1 : ordinal);
        });
        return;
      }
      const items = value.map((item) => scalar(path, node?.items, item)).filter((item): item is string => item !== null);
      if (items.length > 0) lines.push({ label: labelOf(path, ordinal), value: items.join(', ') });
      return;
    }
    const text = scalar(path, node, value);
    if (text !== null) lines.push({ label: labelOf(path, ordinal), value: text });
  };

  for (const path of definition.document?.fields ?? []) {
    let node = definition.form.schema as SchemaNode | undefined;
    let value: unknown = data;
    for (const segment of path.split('.')) {
      node = node?.properties?.[segment];
      value = isObject(value) ? value[segment] : undefined;
    }
    visit(path, node, value, null);
  }
  return lines;
}

/** UTF-8 bytes the key fields may take in the QR payload (docs/documents.md gives the QR sizes it yields). */
export const SIGNED_FIELDS_BUDGET = 200;
/** A value longer than this stays on the PDF only: a QR code is not the place for a list of goods. */
const SIGNED_VALUE_MAX_CHARS = 80;

/**
 * The key fields the QR payload carries: the printed fields in order, as long as they fit the
 * budget (a field that does not fit is skipped, the next one may). Everything is on the PDF; the
 * signed ones are what an offline verifier can compare the paper with.
 */
export function keyFieldIndexes(fields: readonly { label: string; value: string }[]): Set<number> {
  const chosen = new Set<number>();
  let spent = 0;
  fields.forEach((field, index) => {
    if (field.value.length > SIGNED_VALUE_MAX_CHARS) return;
    const cost = Buffer.byteLength(field.label) + Buffer.byteLength(field.value) + 4;
    if (spent + cost > SIGNED_FIELDS_BUDGET) return;
    spent += cost;
    chosen.add(index);
  });
  return chosen;
}
