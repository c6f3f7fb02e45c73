import type { ProcedureDefinition } from './definition.ts';
import { checkFormOptions } from './form-options.ts';

/** A problem in a definition, at a JSON path, with a catalogue code (`definition.<code>`) and its parameters. */
export interface DefinitionProblem {
  path: string;
  code: string;
  params: Record<string, unknown>;
  /** Set when the message comes from the shared validation catalogue rather than `definition.<code>`. */
  messageKey?: string;
}

type FormSchema = { properties?: Record<string, { type?: unknown; properties?: Record<string, unknown>; items?: { properties?: Record<string, unknown> } }> };

/** Every label key a form needs: top-level fields, `parent.child` for objects, `parent[].child` for arrays of objects. */
export function formFieldKeys(schema: FormSchema): string[] {
  const keys: string[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    keys.push(name);
    for (const child of Object.keys(property.properties ?? {})) keys.push(`${name}.${child}`);
    for (const child of Object.keys(property.items?.properties ?? {})) keys.push(`${name}[].${child}`);
  }
  return keys;
}

function isNumeric(schema: FormSchema, field: string): boolean {
  const type = schema.properties?.[field]?.type;
  return type === 'number' || type === 'integer';
}

/**
 * The rules JSON Schema cannot express: every reference points at something that exists, every
 * field is laid out and labelled, every state can still reach an outcome. Pure: the caller passes
 * the agency codes known to the platform.
 */
export function checkDefinition(definition: ProcedureDefinition, agencyCodes: readonly string[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const problem = (path: string, code: string, params: Record<string, unknown> = {}) => problems.push({ path, code, params });
  const { workflow, form } = definition;
  const schema = form.schema as FormSchema;
  const fields = Object.keys(schema.properties ?? {});
  const states = new Map(workflow.states.map((s) => [s.id, s]));

  const agencyAt = (path: string, code: string | undefined) => {
    if (code !== undefined && !agencyCodes.includes(code)) problem(path, 'unknown_agency', { agency: code });
  };
  agencyAt('/agency', definition.agency);

  if (!states.has(workflow.initial)) problem('/workflow/initial', 'unknown_state', { state: workflow.initial });
  workflow.states.forEach((state, i) => {
    const at = `/workflow/states/${i}`;
    if (workflow.states.findIndex((s) => s.id === state.id) !== i) problem(`${at}/id`, 'duplicate_id', { id: state.id });
    agencyAt(`${at}/agency`, state.agency);
    if (state.outcome && state.holder !== 'none') problem(`${at}/holder`, 'final_state_has_holder', { state: state.id });
    if (!state.outcome && state.holder === 'none') problem(`${at}/outcome`, 'stuck_state', { state: state.id });
    if (state.agency && state.holder !== 'agency') problem(`${at}/agency`, 'agency_without_agency_holder', { state: state.id });
  });

  workflow.transitions.forEach((transition, i) => {
    const at = `/workflow/transitions/${i}`;
    if (workflow.transitions.findIndex((t) => t.action === transition.action) !== i) problem(`${at}/action`, 'duplicate_id', { id: transition.action });
    transition.from.forEach((from, j) => {
      const state = states.get(from);
      if (!state) problem(`${at}/from/${j}`, 'unknown_state', { state: from });
      else if (state.outcome) problem(`${at}/from/${j}`, 'final_state_has_exit', { state: from });
    });
    if (!states.has(transition.to)) problem(`${at}/to`, 'unknown_state', { state: transition.to });
    agencyAt(`${at}/agency`, transition.agency);
    if (transition.by === 'staff' && !transition.roles) problem(`${at}/roles`, 'staff_transition_needs_roles', { action: transition.action });
    if (transition.by !== 'staff' && transition.roles) problem(`${at}/roles`, 'roles_only_for_staff', { action: transition.action });
    if (transition.by === 'system' && !transition.on) problem(`${at}/on`, 'system_transition_needs_trigger', { action: transition.action });
    if (transition.by !== 'system' && transition.on) problem(`${at}/on`, 'trigger_only_for_system', { action: transition.action });
  });

  // Every state must be reachable from the initial one, and every state must be able to end.
  const reachable = reachableStates(workflow.initial, workflow.transitions);
  const canEnd = statesThatCanEnd(workflow);
  workflow.states.forEach((state, i) => {
    if (!reachable.has(state.id)) problem(`/workflow/states/${i}`, 'unreachable_state', { state: state.id });
    else if (!canEnd.has(state.id)) problem(`/workflow/states/${i}`, 'no_way_to_an_outcome', { state: state.id });
  });
  if (!workflow.states.some((s) => s.outcome === 'approved')) problem('/workflow/states', 'no_approval_state');

  const laidOut: string[] = [];
  form.layout.forEach((section, i) =>
    section.fields.forEach((field, j) => {
      const at = `/form/layout/${i}/fields/${j}`;
      if (!fields.includes(field)) problem(at, 'unknown_field', { field });
      else if (laidOut.includes(field)) problem(at, 'field_laid_out_twice', { field });
      laidOut.push(field);
    }),
  );
  for (const field of fields) if (!laidOut.includes(field)) problem('/form/layout', 'field_not_laid_out', { field });
  for (const key of formFieldKeys(schema)) if (!form.labels[key]) problem('/form/labels', 'missing_label', { field: key });
  problems.push(...checkFormOptions(form));

  definition.fees.forEach((fee, i) => {
    if (fee.kind === 'fixed') return;
    if (!isNumeric(schema, fee.field)) problem(`/fees/${i}/field`, 'fee_field_not_numeric', { field: fee.field });
    if (fee.kind === 'band') {
      const bounds = fee.bands.map((b) => b.upTo);
      const open = bounds.at(-1) === null;
      const ascending = bounds.slice(0, -1).every((b, k) => b !== null && (k === 0 || b > (bounds[k - 1] as number)));
      if (!open || !ascending || (bounds.length > 1 && (bounds.at(-2) as number) === null)) problem(`/fees/${i}/bands`, 'bands_not_ascending');
    }
  });

  definition.attachments.forEach((attachment, i) => {
    if (definition.attachments.findIndex((a) => a.kind === attachment.kind) !== i) problem(`/attachments/${i}/kind`, 'duplicate_id', { id: attachment.kind });
  });
  definition.document?.fields.forEach((field, i) => {
    if (!fields.includes(field)) problem(`/document/fields/${i}`, 'unknown_field', { field });
  });
  return problems;
}

function reachableStates(initial: string, transitions: ProcedureDefinition['workflow']['transitions']): Set<string> {
  const reached = new Set([initial]);
  const queue = [initial];
  while (queue.length > 0) {
    const from = queue.pop() as string;
    for (const t of transitions) {
      if (t.from.includes(from) && !reached.has(t.to)) {
        reached.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return reached;
}

/** States from which some path leads to a state with an outcome (a fixpoint over the transitions). */
function statesThatCanEnd(workflow: ProcedureDefinition['workflow']): Set<string> {
  const canEnd = new Set(workflow.states.filter((s) => s.outcome).map((s) => s.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of workflow.transitions) {
      for (const from of t.from) {
        if (canEnd.has(t.to) && !canEnd.has(from)) {
          canEnd.add(from);
          grew = true;
        }
      }
    }
  }
  return canEnd;
}
