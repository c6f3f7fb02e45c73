import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/modules/cases/workflow.ts';
import type { ProcedureDefinition } from '../../src/modules/catalogue/definition.ts';
import { formAjv, validateDefinition } from '../../src/modules/catalogue/validate.ts';
import { DEMO_AGENCIES } from '../../src/demo/country.ts';

const PROCEDURES = fileURLToPath(new URL('../../procedures/', import.meta.url));
const AGENCY_CODES = DEMO_AGENCIES.map((agency) => agency.code);

/** The services the articles name; the catalogue must ship at least these. */
const NAMED_IN_THE_ARTICLES = [
  'import-export-card',
  'import-licence',
  'food-marketing-authorisation',
  'phytosanitary-certificate',
  'pharmaceutical-import-authorisation',
  'certificate-of-origin',
  'birth-certificate-copy',
  'criminal-record-extract',
  'apprenticeship-certificate',
];

const files = readdirSync(PROCEDURES)
  .filter((file) => file.endsWith('.yaml'))
  .sort();
const rawOf = (file: string): unknown => parse(readFileSync(join(PROCEDURES, file), 'utf8'));
// Read as definitions for the checks below; whether they really are is the first test's job.
const shipped = files.map((file) => ({ file, definition: rawOf(file) as ProcedureDefinition }));
const procedure = (id: string) => {
  const found = shipped.find((s) => s.definition.id === id);
  if (!found) throw new Error(`no shipped procedure ${id}`);
  return found.definition;
};

/** The subset of JSON Schema the shipped forms use, enough to derive broken variants from it. */
interface FieldSchema {
  type?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  required?: string[];
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
}
type Path = (string | number)[];
type FormData = Record<string, unknown>;
interface BrokenForm {
  name: string;
  data: FormData;
}

const formSchemaOf = (definition: ProcedureDefinition) => definition.form.schema as FieldSchema;

function withValueAt(example: FormData, path: Path, value: unknown): FormData {
  const copy = structuredClone(example);
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = value;
  return copy;
}

function withoutField(example: FormData, field: string): BrokenForm {
  const copy = structuredClone(example);
  delete copy[field];
  return { name: `without its required field ${field}`, data: copy };
}

function withUnknownField(example: FormData): BrokenForm {
  return { name: 'with a field the form does not have', data: { ...structuredClone(example), favouriteColour: 'green' } };
}

/** A value of another JSON type than `value`. */
function ofTheWrongType(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'forty-two';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { first: value[0] };
  return ['not', 'an', 'object'];
}

/** Values that break one rule the field's schema states: pattern, list of values, bounds, format… */
function breakagesOf(schema: FieldSchema, value: unknown): { why: string; value: unknown }[] {
  const breakages = [{ why: 'of the wrong type', value: ofTheWrongType(value) }];
  if (schema.pattern !== undefined) breakages.push({ why: `not matching ${schema.pattern}`, value: `#${String(value)}` });
  if (schema.enum !== undefined) breakages.push({ why: 'outside its list of values', value: 'none-of-these' });
  if (schema.const !== undefined) breakages.push({ why: 'not its required value', value: schema.const === true ? false : 'something-else' });
  if (schema.minimum !== undefined) breakages.push({ why: 'below its minimum', value: schema.minimum - 1 });
  if (schema.maximum !== undefined) breakages.push({ why: 'above its maximum', value: schema.maximum + 1 });
  if (schema.exclusiveMinimum !== undefined) breakages.push({ why: 'at its exclusive minimum', value: schema.exclusiveMinimum });
  if (schema.minLength !== undefined && schema.minLength > 0) breakages.push({ why: 'empty', value: '' });
  if (schema.maxLength !== undefined) breakages.push({ why: 'too long', value: 'x'.repeat(schema.maxLength + 1) });
  if (schema.minItems !== undefined && schema.minItems > 0) breakages.push({ why: 'with no entries', value: [] });
  if (schema.format === 'date') breakages.push({ why: 'an impossible date', value: '2026-02-30' });
  if (schema.format === 'email') breakages.push({ why: 'not an email address', value: 'nobody-at-example' });
  return breakages;
}

/** Every field the example fills, nested ones included (first entry of arrays), with its schema. */
function filledFields(schema: FieldSchema, value: unknown, path: Path = []): { path: Path; schema: FieldSchema; value: unknown }[] {
  const here = path.length > 0 ? [{ path, schema, value }] : [];
  if (schema.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    const children = Object.entries(value as FormData).flatMap(([name, child]) => {
      const childSchema = schema.properties?.[name];
      return childSchema ? filledFields(childSchema, child, [...path, name]) : [];
    });
    return [...here, ...children];
  }
  if (schema.items && Array.isArray(value) && value.length > 0) return [...here, ...filledFields(schema.items, value[0], [...path, 0])];
  return here;
}

/** Broken copies of a form's example: each one a ministry's check must refuse. */
function brokenVariantsOf(definition: ProcedureDefinition): BrokenForm[] {
  const schema = formSchemaOf(definition);
  const example = definition.form.example;
  const broken = (schema.required ?? []).map((field) => withoutField(example, field));
  broken.push(withUnknownField(example));
  for (const field of filledFields(schema, example)) {
    for (const { why, value } of breakagesOf(field.schema, field.value)) {
      broken.push({ name: `with ${field.path.join('.')} ${why}`, data: withValueAt(example, field.path, value) });
    }
  }
  return broken;
}

/** Agency-held states where a file waits for staff (not the transient `submitted`, left by the platform). */
const waitingStates = (definition: ProcedureDefinition) =>
  definition.workflow.states.filter(
    (state) => state.holder === 'agency' && definition.workflow.transitions.some((t) => t.by === 'staff' && t.from.includes(state.id)),
  );

/** States reachable from the initial one when the workflow never enters `avoiding`. */
function reachableAvoiding(definition: ProcedureDefinition, avoiding: string): Set<string> {
  const reached = new Set([definition.workflow.initial]);
  const queue = [definition.workflow.initial];
  for (let from = queue.pop(); from !== undefined; from = queue.pop()) {
    for (const transition of definition.workflow.transitions) {
      if (transition.from.includes(from) && transition.to !== avoiding && !reached.has(transition.to)) {
        reached.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  return reached;
}

/** Values each national identifier's check must refuse, wherever a form asks for one. */
const MALFORMED_IDENTIFIERS: Record<string, string[]> = {
  taxId: ['KD-19-004512', 'kd-2019-004512', 'KD2019004512', 'KD-2019-004512 '],
  nationalId: ['119850312045', '11985031204570', '119850312045A'],
  hsCode: ['10063', '1006300', '100630000', '1006.30'],
  phone: ['1234', 'call me', '+229-21-30-45-67'],
};

/** Fields at any depth of a form schema whose name is one of `names`, with their path. */
function fieldsNamed(schema: FieldSchema, names: string[], path = ''): { path: string; schema: FieldSchema }[] {
  const nested = { ...schema.properties, ...(schema.items ? { '[]': schema.items } : {}) };
  return Object.entries(nested).flatMap(([name, child]) => {
    const at = path ? `${path}.${name}` : name;
    return [...(names.includes(name) ? [{ path: at, schema: child }] : []), ...fieldsNamed(child, names, at)];
  });
}

/** Label paths of a form's choice fields (`form.labels` convention), a list of values included. */
function choiceFields(schema: FieldSchema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, child]) => {
    const path = `${prefix}${name}`;
    const here = child.enum || child.items?.enum ? [path] : [];
    if (child.type === 'object') return [...here, ...choiceFields(child, `${path}.`)];
    if (child.items?.type === 'object') return [...here, ...choiceFields(child.items, `${path}[].`)];
    return here;
  });
}

describe('the procedures Guichet ships', () => {
  it.each(files)('%s is a valid definition for the demo country and its agencies', (file) => {
    const result = validateDefinition(rawOf(file), AGENCY_CODES);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('include every service the articles name, each under its own id and file name', () => {
    const ids = shipped.map((s) => s.definition.id);
    expect(ids).toEqual(expect.arrayContaining(NAMED_IN_THE_ARTICLES));
    expect(new Set(ids).size).toBe(ids.length);
    for (const { file, definition } of shipped) expect(file).toBe(`${definition.id}.v${definition.version}.yaml`);
  });

  it('charge fees of every kind: a fixed amount, an amount per unit and an amount by band', () => {
    const kinds = new Set(shipped.flatMap((s) => s.definition.fees.map((fee) => fee.kind)));
    expect([...kinds].sort()).toEqual(['band', 'fixed', 'per_unit']);
  });

  it('give every agency a deadline of 2 to 15 working days wherever a file waits for its staff', () => {
    const deadlines = shipped.flatMap((s) => waitingStates(s.definition).map((state) => [`${s.definition.id}/${state.id}`, state.deadlineWorkingDays]));
    expect(deadlines.filter(([, days]) => typeof days !== 'number' || days < 2 || days > 15)).toEqual([]);
  });

  it('take the fee before review, and let the applicant withdraw while the file awaits payment or review', () => {
    for (const { definition } of shipped) {
      const { transitions } = definition.workflow;
      expect(transitions.find((t) => t.on === 'fee_paid'), definition.id).toMatchObject({ from: ['payment_due'], to: 'in_review' });
      expect(transitions.find((t) => t.action === 'withdraw')?.from, definition.id).toEqual(expect.arrayContaining(['payment_due', 'in_review']));
    }
  });

  it('are each listed, with their retention class, in procedures/README.md', () => {
    const readme = readFileSync(join(PROCEDURES, 'README.md'), 'utf8');
    for (const { file, definition } of shipped) {
      expect(readme).toContain(`\`${file}\``);
      expect(readme).toContain(`\`${definition.retentionClass}\``);
    }
  });
});

describe('the forms', () => {
  it('check tax ids, national ids, HS codes and phone numbers in the national formats', () => {
    const ajv = formAjv();
    const identifiers = shipped.flatMap(({ definition }) =>
      fieldsNamed(formSchemaOf(definition), Object.keys(MALFORMED_IDENTIFIERS)).map((field) => ({ procedure: definition.id, ...field })),
    );
    const accepted = identifiers.flatMap(({ procedure, path, schema }) => {
      const acceptsValue = ajv.compile(schema);
      const name = path.split('.').at(-1) as string;
      return (MALFORMED_IDENTIFIERS[name] ?? []).filter((value) => acceptsValue(value)).map((value) => `${procedure} ${path}: ${value}`);
    });
    expect(identifiers.length).toBeGreaterThanOrEqual(15);
    expect(accepted).toEqual([]);
  });

  it('show every choice by a label in three languages, never by its stored value', () => {
    const choices = shipped.flatMap(({ definition }) => choiceFields(formSchemaOf(definition)).map((field) => ({ definition, field })));
    expect(choices.length).toBeGreaterThanOrEqual(25);
    // Every value of a labelled field has its label: the validity test above checks that.
    expect(choices.filter(({ definition, field }) => !definition.form.options?.[field]).map(({ definition, field }) => `${definition.id} ${field}`)).toEqual([]);
  });
});

describe.each(shipped)('the form of $file', ({ definition }) => {
  it('accepts its own example', () => {
    const acceptsForm = formAjv().compile(formSchemaOf(definition));
    expect(acceptsForm(definition.form.example), JSON.stringify(acceptsForm.errors)).toBe(true);
  });

  it('refuses its example with a required field missing, an unknown field, or a value breaking a rule', () => {
    const acceptsForm = formAjv().compile(formSchemaOf(definition));
    const broken = brokenVariantsOf(definition);
    expect(broken.filter((b) => b.name.startsWith('without')).length).toBeGreaterThanOrEqual(1);
    expect(broken.filter((b) => b.name.startsWith('with ')).length).toBeGreaterThanOrEqual(2);
    expect(broken.filter((variant) => acceptsForm(variant.data)).map((variant) => variant.name)).toEqual([]);
  });

  it('uses only keywords JSON Schema 2020-12 knows, so a typo cannot switch a check off', () => {
    const strict = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    addFormats.default(strict);
    expect(() => strict.compile(formSchemaOf(definition))).not.toThrow();
  });
});

describe('the import licence', () => {
  const licence = procedure('import-licence');

  it('carries a quantity in tonnes that customs can decrement, charged per tonne', () => {
    const properties = formSchemaOf(licence).properties ?? {};
    expect(properties.quantity?.type).toBe('number');
    expect(properties.unit?.enum).toEqual(['t']);
    expect(licence.fees).toContainEqual(expect.objectContaining({ kind: 'per_unit', field: 'quantity' }));
    expect(licence.document?.fields).toEqual(expect.arrayContaining(['hsCode', 'quantity', 'unit', 'taxId']));
  });

  it('has the story for its example: 20 t of rice', () => {
    expect(licence.form.example).toMatchObject({ hsCode: expect.stringMatching(/^100630/), quantity: 20, unit: 't' });
  });
});

describe('the food marketing authorisation', () => {
  const authorisation = procedure('food-marketing-authorisation');
  const officer = (agencyCode: string) => ({ kind: 'staff' as const, grants: [{ role: 'officer', agencyCode }] });

  it('cannot be approved without passing through the Ministry of Health review', () => {
    const approvedStates = authorisation.workflow.states.filter((s) => s.outcome === 'approved').map((s) => s.id);
    const withoutHealth = reachableAvoiding(authorisation, 'health_review');
    expect(approvedStates.filter((state) => withoutHealth.has(state))).toEqual([]);
  });

  it('lets Health officers, not Commerce ones, give the opinion', () => {
    expect(decide(authorisation, 'health_review', 'favourable_opinion', officer('HEALTH'))).toMatchObject({ allowed: true });
    expect(decide(authorisation, 'health_review', 'favourable_opinion', officer('COMMERCE'))).toMatchObject({ allowed: false, refused: 'agency' });
    expect(decide(authorisation, 'health_review', 'unfavourable_opinion', officer('HEALTH'))).toMatchObject({ allowed: false, refused: 'comment_required' });
  });

  it('leaves the decision to Commerce after a favourable opinion', () => {
    expect(decide(authorisation, 'commerce_decision', 'approve', officer('COMMERCE'))).toMatchObject({ allowed: true, to: { outcome: 'approved' } });
    expect(decide(authorisation, 'unfavourable_opinion', 'approve', officer('COMMERCE'))).toMatchObject({ allowed: false, refused: 'not_in_this_state' });
  });
});

describe('the birth certificate copy', () => {
  const copy = procedure('birth-certificate-copy');

  it('asks for a delivery address only when the copy is delivered home', () => {
    const acceptsForm = formAjv().compile(formSchemaOf(copy));
    const { deliveryAddress: _address, ...atTheCounter } = copy.form.example;
    expect(acceptsForm({ ...atTheCounter, deliveryZone: 0 })).toBe(true);
    expect(acceptsForm({ ...atTheCounter, deliveryZone: 2 })).toBe(false);
  });

  it('charges nothing for delivery at the counter and more the farther the home', () => {
    const delivery = copy.fees.find((fee) => fee.kind === 'band');
    expect(delivery).toMatchObject({ field: 'deliveryZone' });
    const amounts = delivery?.kind === 'band' ? delivery.bands.map((band) => band.amount) : [];
    expect(amounts[0]).toBe(0);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  });
});
