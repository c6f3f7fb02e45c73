import { describe, expect, it } from 'vitest';
import { containerNumbers, countryOfTaxId, declarationOf, formPaths, newDraft, newItem, normaliseDecimal } from './declarationDraft';

const company = { taxId: 'KD-2015-000871', name: 'Transit Sahel SARL' };

describe('figures as a broker types them', () => {
  it('reads French, Arabic and English writing of the same amount', () => {
    expect(normaliseDecimal('12 500,50')).toBe('12500.50');
    expect(normaliseDecimal('12\u202f500,5')).toBe('12500.5');
    expect(normaliseDecimal('١٢٥٠٠٫٥')).toBe('12500.5');
    expect(normaliseDecimal('۳۰۰۰')).toBe('3000');
    expect(normaliseDecimal('12,500.50')).toBe('12500.50');
    expect(normaliseDecimal(' 30000 ')).toBe('30000');
  });

  it('sends what it cannot read as typed, for the server to name the problem', () => {
    expect(normaliseDecimal('-5')).toBe('-5');
    expect(normaliseDecimal('1,2,3')).toBe('1,2,3');
    expect(normaliseDecimal('')).toBe('');
  });
});

describe('the declaration the form sends', () => {
  it('declares as the broker’s company, in capitals, without the optional parts left empty', () => {
    const draft = newDraft(company, 'KD');
    const item = { ...newItem(), hsCode: ' 2523.29.00.00 ', description: ' Ciment gris ', origin: 'tr', quantityAmount: '30 000', grossMassKg: '30150', netMassKg: '30000', customsValue: '3600,00' };
    const body = declarationOf({ ...draft, localReference: ' LRN-1 ', officeCode: 'kdkan01', invoiceCurrency: 'usd', dispatchCountry: 'tr', containers: 'csqu3054383, MSCU1234565\n', items: [item] });
    expect(body).toEqual({
      localReference: 'LRN-1',
      regime: 'import_home_use',
      officeCode: 'KDKAN01',
      declarant: { taxId: 'KD-2015-000871', name: 'Transit Sahel SARL', country: 'KD' },
      transport: { mode: 'sea', dispatchCountry: 'TR', containers: ['CSQU3054383', 'MSCU1234565'] },
      invoiceCurrency: 'USD',
      items: [
        {
          hsCode: '2523.29.00.00',
          description: 'Ciment gris',
          origin: 'TR',
          quantity: { amount: '30000', unit: 'KGM' },
          grossMassKg: '30150',
          netMassKg: '30000',
          customsValue: '3600.00',
          preferenceClaimed: false,
          documents: [{ type: 'commercial_invoice', reference: '' }],
        },
      ],
    });
  });

  it('sends a party as soon as one of its fields is filled, and the means of transport when given', () => {
    const draft = newDraft(company, 'KD');
    const body = declarationOf({ ...draft, importer: { taxId: 'kd-2019-004512', name: '', country: '' }, meansId: ' IMO9321483 ' });
    expect(body.importer).toEqual({ taxId: 'KD-2019-004512', name: '', country: '' });
    expect(body.exporter).toBeUndefined();
    expect(body.transport.meansId).toBe('IMO9321483');
  });

  it('reads container numbers however they are separated', () => {
    expect(containerNumbers(' a1; b2  c3,,\n')).toEqual(['A1', 'B2', 'C3']);
    expect(containerNumbers('   ')).toEqual([]);
  });
});

describe('the form’s fields, named as the API names them', () => {
  it('names every field of every item and cited document', () => {
    const draft = newDraft(company, 'KD');
    const paths = formPaths({ ...draft, items: [draft.items[0]!, { ...newItem(), documents: [] }] });
    expect(paths).toContain('items[0].hsCode');
    expect(paths).toContain('items[0].quantity.amount');
    expect(paths).toContain('items[0].documents[0].reference');
    expect(paths).toContain('items[1].documents');
    expect(paths).not.toContain('items[1].documents[0].reference');
    expect(paths).toContain('importer.taxId');
    expect(paths).not.toContain('declarant.taxId');
  });
});

describe('the country of a company registered on the platform', () => {
  const countries = new Set(['KD', 'SN', 'TR']);
  it('is read from its tax id when the prefix is a country', () => {
    expect(countryOfTaxId('KD-2015-000871', countries)).toBe('KD');
    expect(countryOfTaxId('tr-4410056789', countries)).toBe('TR');
    expect(countryOfTaxId('ZZ-1', countries)).toBeNull();
    expect(countryOfTaxId('123456', countries)).toBeNull();
  });
});
