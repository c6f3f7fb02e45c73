import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { nearestShown, parentPath, placeObjections } from './fieldPlacement';

const shown = new Set(['invoiceCurrency', 'importer', 'importer.taxId', 'items', 'items[0]', 'items[0].hsCode', 'items[0].documents', 'items[0].quantity.amount']);

function refusal(status: number, fields: unknown): ApiError {
  return new ApiError(status, status === 422 ? 'declaration_invalid' : 'validation_failed', 'refused', 'en', { fields });
}

describe('where an objection belongs', () => {
  it('walks up a path one part at a time', () => {
    expect(parentPath('items[0].documents[1].reference')).toBe('items[0].documents[1]');
    expect(parentPath('items[0].documents[1]')).toBe('items[0].documents');
    expect(parentPath('items[0]')).toBe('items');
    expect(parentPath('items')).toBe('');
    expect(parentPath('')).toBeNull();
  });

  it('finds the field itself, or the nearest group the form shows', () => {
    expect(nearestShown('items[0].hsCode', shown)).toBe('items[0].hsCode');
    expect(nearestShown('items[0].documents[2].reference', shown)).toBe('items[0].documents');
    expect(nearestShown('items[3].origin', shown)).toBe('items');
    expect(nearestShown('localReference', shown)).toBeNull();
  });
});

describe('placing a refused declaration’s objections', () => {
  it('reads the declaration’s own paths (422) and the request’s (400) alike', () => {
    const declared = placeObjections(refusal(422, [{ path: 'items[0].hsCode', code: 'declaration_unknown_hs_code', message: 'Tariff line 9999.99.99.99 is not in the tariff in force.' }]), shown);
    expect(declared.byPath.get('items[0].hsCode')).toEqual({ text: 'Tariff line 9999.99.99.99 is not in the tariff in force.', language: 'en' });
    const schema = placeObjections(refusal(400, [{ path: 'body.items[0].quantity.amount', keyword: 'pattern', message: 'must be a decimal' }]), shown);
    expect(schema.byPath.get('items[0].quantity.amount')?.text).toBe('must be a decimal');
  });

  it('reads two objections to one field together, and one repeated only once', () => {
    const placed = placeObjections(
      refusal(422, [
        { path: 'items[0].documents', message: 'Cite the import licence.' },
        { path: 'items[0].documents', message: 'Cite the phytosanitary certificate.' },
        { path: 'items[0].documents', message: 'Cite the phytosanitary certificate.' },
      ]),
      shown,
    );
    expect(placed.byPath.get('items[0].documents')?.text).toBe('Cite the import licence. Cite the phytosanitary certificate.');
  });

  it('lists apart what the form shows nowhere, and ignores what is not an objection', () => {
    const placed = placeObjections(refusal(400, [{ path: 'body', message: 'unknown property' }, { path: 'localReference', message: 'taken' }, { nonsense: true }]), shown);
    expect(placed.byPath.size).toBe(0);
    expect(placed.elsewhere.map((message) => message.text)).toEqual(['unknown property', 'taken']);
    expect(placeObjections(new Error('offline'), shown).byPath.size).toBe(0);
  });
});
