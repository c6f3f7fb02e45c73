import { describe, expect, it } from 'vitest';
import { AGENCY_CODES, aDefinition } from './test-definition.ts';
import { validateDefinition } from './validate.ts';

const errorsOf = (raw: unknown) => {
  const result = validateDefinition(raw, AGENCY_CODES);
  return result.ok ? [] : result.errors;
};

describe('validating a procedure definition', () => {
  it('accepts a well-formed definition', () => {
    expect(validateDefinition(aDefinition(), AGENCY_CODES)).toMatchObject({ ok: true });
  });

  it('names the path of a missing translation and of an unknown top-level field', () => {
    const definition = aDefinition() as unknown as Record<string, unknown>;
    (definition.title as Record<string, unknown>).ar = '';
    definition.colour = 'green';
    const errors = errorsOf(definition);
    expect(errors).toContainEqual(expect.objectContaining({ path: '/title/ar', code: 'schema', messageKey: 'validation.minLength' }));
    expect(errors).toContainEqual(
      expect.objectContaining({ path: '/', messageKey: 'validation.additionalProperties', params: expect.objectContaining({ path: 'definition.colour' }) }),
    );
  });

  it('refuses a form example its own schema rejects, at the example path', () => {
    const definition = aDefinition();
    definition.form.example = { companyName: 'X', tonnes: -1 };
    expect(errorsOf(definition)).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/form/example/companyName', code: 'example_rejected' }), expect.objectContaining({ path: '/form/example/tonnes' })]),
    );
  });

  it('refuses a form schema Ajv cannot compile', () => {
    const definition = aDefinition();
    definition.form.schema = { type: 'object', properties: { a: { type: 'nonsense' } } };
    expect(errorsOf(definition)).toEqual([expect.objectContaining({ path: '/form/schema', code: 'form_schema_invalid' })]);
  });

  it('refuses transitions to unknown states, unknown agencies and final states with a way out', () => {
    const definition = aDefinition();
    definition.workflow.transitions[0]!.to = 'published';
    definition.workflow.states[1]!.agency = 'MINISTRY_OF_MAGIC';
    definition.workflow.transitions.push({ ...definition.workflow.transitions[3]!, action: 'reopen', from: ['rejected'] });
    const errors = errorsOf(definition);
    expect(errors).toContainEqual({ path: '/workflow/transitions/0/to', code: 'unknown_state', params: { state: 'published' } });
    expect(errors).toContainEqual({ path: '/workflow/states/1/agency', code: 'unknown_agency', params: { agency: 'MINISTRY_OF_MAGIC' } });
    expect(errors).toContainEqual({ path: '/workflow/transitions/7/from/0', code: 'final_state_has_exit', params: { state: 'rejected' } });
  });

  it('refuses a state no path reaches and a state from which no outcome can be reached', () => {
    const definition = aDefinition();
    definition.workflow.states.push({ id: 'limbo', label: { fr: 'Limbes', ar: 'معلّق', en: 'Limbo' }, holder: 'agency' });
    definition.workflow.transitions = definition.workflow.transitions.filter((t) => t.action !== 'withdraw' && t.action !== 'resubmit');
    const errors = errorsOf(definition);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'unreachable_state', params: { state: 'limbo' } }));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'no_way_to_an_outcome', params: { state: 'correction_requested' } }));
  });

  it('requires every field laid out once and labelled in three languages, fee fields numeric', () => {
    const definition = aDefinition();
    definition.form.layout[0]!.fields = ['companyName', 'companyName', 'goods'];
    delete definition.form.labels['goods[].hsCode'];
    definition.fees[1] = { ...definition.fees[1]!, field: 'companyName' } as (typeof definition.fees)[number];
    const errors = errorsOf(definition);
    expect(errors).toContainEqual({ path: '/form/layout/0/fields/1', code: 'field_laid_out_twice', params: { field: 'companyName' } });
    expect(errors).toContainEqual({ path: '/form/layout', code: 'field_not_laid_out', params: { field: 'tonnes' } });
    expect(errors).toContainEqual({ path: '/form/labels', code: 'missing_label', params: { field: 'goods[].hsCode' } });
    expect(errors).toContainEqual({ path: '/fees/1/field', code: 'fee_field_not_numeric', params: { field: 'companyName' } });
  });

  it('requires staff transitions to name roles and system transitions to name their trigger', () => {
    const definition = aDefinition();
    delete definition.workflow.transitions[0]!.roles;
    definition.workflow.transitions.push({ action: 'auto_close', label: definition.title, from: ['in_review'], to: 'approved', by: 'system' });
    const errors = errorsOf(definition);
    expect(errors).toContainEqual(expect.objectContaining({ code: 'staff_transition_needs_roles' }));
    expect(errors).toContainEqual(expect.objectContaining({ code: 'system_transition_needs_trigger' }));
  });
});
