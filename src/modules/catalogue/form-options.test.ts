import { describe, expect, it } from 'vitest';
import type { ProcedureDefinition } from './definition.ts';
import { choicesAt } from './form-options.ts';
import { AGENCY_CODES, aDefinition } from './test-definition.ts';
import { validateDefinition } from './validate.ts';

const t = (en: string) => ({ fr: `fr ${en}`, ar: `ar ${en}`, en });

/** The test permit with three choice fields: a plain one, one inside the goods, and a list of values. */
function withChoices(): ProcedureDefinition {
  const definition = aDefinition();
  const properties = definition.form.schema.properties as Record<string, Record<string, unknown>>;
  properties.purpose = { type: 'string', enum: ['resale', 'own_use'] };
  properties.zone = { type: 'integer', enum: [0, 1] };
  properties.labelLanguages = { type: 'array', items: { type: 'string', enum: ['fr', 'ar'] } };
  (properties.goods!.items as { properties: Record<string, unknown> }).properties.unit = { type: 'string', enum: ['kg', 't'] };
  definition.form.layout[0]!.fields.push('purpose', 'zone', 'labelLanguages');
  Object.assign(definition.form.labels, {
    purpose: t('Purpose'),
    zone: t('Zone'),
    labelLanguages: t('Label languages'),
    'goods[].unit': t('Unit'),
  });
  definition.form.options = {
    purpose: { resale: t('Resale'), own_use: t('Own use') },
    zone: { 0: t('At the counter'), 1: t('Home delivery') },
    labelLanguages: { fr: t('French'), ar: t('Arabic') },
    'goods[].unit': { kg: t('kilograms'), t: t('tonnes') },
  };
  return definition;
}

const errorsOf = (definition: ProcedureDefinition) => {
  const result = validateDefinition(definition, AGENCY_CODES);
  return result.ok ? [] : result.errors;
};

describe('labels of choice values', () => {
  it('accepts labels for plain choices, numeric ones, choices inside array items and lists of values', () => {
    expect(errorsOf(withChoices())).toEqual([]);
  });

  it('finds the values of a field by its label path, numbers as text', () => {
    const schema = withChoices().form.schema;
    expect(choicesAt(schema, 'zone')).toEqual(['0', '1']);
    expect(choicesAt(schema, 'goods[].unit')).toEqual(['kg', 't']);
    expect(choicesAt(schema, 'labelLanguages')).toEqual(['fr', 'ar']);
    expect(choicesAt(schema, 'labelLanguages[]')).toBeNull();
    expect(choicesAt(schema, 'companyName')).toBeNull();
  });

  it('refuses labels for a field the form does not have, or one without a list of values', () => {
    const definition = withChoices();
    definition.form.options!['goods.unit'] = { kg: t('kilograms') };
    definition.form.options!.companyName = { x: t('X') };
    expect(errorsOf(definition)).toEqual([
      { path: '/form/options/goods.unit', code: 'option_field_unknown', params: { field: 'goods.unit' } },
      { path: '/form/options/companyName', code: 'option_field_not_a_choice', params: { field: 'companyName' } },
    ]);
  });

  it('requires a label for every value of a labelled field, and none for a value it cannot take', () => {
    const definition = withChoices();
    delete definition.form.options!['goods[].unit']!.t;
    definition.form.options!.purpose!['re/sale'] = t('Resale (typo)');
    expect(errorsOf(definition)).toEqual([
      { path: '/form/options/purpose/re~1sale', code: 'option_value_unknown', params: { field: 'purpose', value: 're/sale' } },
      { path: '/form/options/goods[].unit', code: 'option_label_missing', params: { field: 'goods[].unit', value: 't' } },
    ]);
  });

  it('refuses a label missing one of the three languages, at its path', () => {
    const definition = withChoices();
    definition.form.options!.purpose!.resale = { fr: 'Revente', ar: 'إعادة البيع' } as ReturnType<typeof t>;
    expect(errorsOf(definition)).toContainEqual(expect.objectContaining({ path: '/form/options/purpose/resale', messageKey: 'validation.required' }));
  });
});
