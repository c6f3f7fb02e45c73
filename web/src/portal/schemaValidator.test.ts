import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import cardDefinition from '../../../procedures/import-export-card.v1.yaml?raw';
import { InterpretingValidator } from './schemaValidator';

// The shipped definition itself: the browser must accept what the server accepts.
const card = parse(cardDefinition);
const schema = card.form.schema;
const example = card.form.example as Record<string, unknown>;

describe('the browser validator of a 2020-12 form schema', () => {
  const validator = new InterpretingValidator();

  it('accepts the example the definition ships', () => {
    expect(validator.validateFormData(example, schema).errors).toEqual([]);
  });

  it('puts a broken pattern on the field, with the keyword as its name', () => {
    const data = { ...example, manager: { ...(example.manager as object), nationalId: '123' } };
    const { errors, errorSchema } = validator.validateFormData(data, schema);
    expect(errors.map((error) => [error.name, error.property])).toEqual([['pattern', '.manager.nationalId']]);
    expect(errorSchema).toMatchObject({ manager: { nationalId: { __errors: [expect.any(String)] } } });
  });

  it('puts a missing field on that field, and follows if/then (a renewal cites the card it renews)', () => {
    const { previousCardNumber: _dropped, ...rest } = example;
    const { errors } = validator.validateFormData(rest, schema);
    expect(errors.map((error) => [error.name, error.property, error.params])).toEqual([
      ['required', '.previousCardNumber', { missingProperty: 'previousCardNumber' }],
    ]);
    expect(validator.validateFormData({ ...rest, requestType: 'first_issue' }, schema).errors).toEqual([]);
  });

  it('gives the limit of a length keyword, for the message', () => {
    const { errors } = validator.validateFormData({ ...example, companyName: 'K' }, schema);
    expect(errors.map((error) => [error.name, error.params])).toEqual([['minLength', { limit: 2 }]]);
  });

  it('checks formats and array items', () => {
    const { errors } = validator.validateFormData({ ...example, email: 'not-an-email', hsChapters: ['10', '98'] }, schema);
    expect(errors.map((error) => [error.name, error.property]).sort()).toEqual([
      ['format', '.email'],
      ['pattern', '.hsChapters.1'],
    ]);
  });

  it('tells which branch of a condition the data matches', () => {
    expect(validator.isValid(schema.if, { requestType: 'renewal' })).toBe(true);
    expect(validator.isValid(schema.if, { requestType: 'first_issue' })).toBe(false);
  });
});
