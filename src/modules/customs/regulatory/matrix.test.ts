import { describe, expect, it } from 'vitest';
import type { DeclarationItemInput } from '../declarations/types.ts';
import { missingDocuments, requiredDocuments, type RegulatoryRule } from './matrix.ts';

const rules: RegulatoryRule[] = [
  { id: 'rice-licence', hsPrefix: '1006', regime: 'import_home_use', origin: null, documentType: 'import_licence', agencyCode: 'COMMERCE' },
  { id: 'cereals-phyto', hsPrefix: '10', regime: null, origin: null, documentType: 'phytosanitary_certificate', agencyCode: 'AGRICULTURE' },
  { id: 'rice-phyto', hsPrefix: '1006', regime: 'import_home_use', origin: null, documentType: 'phytosanitary_certificate', agencyCode: 'AGRICULTURE' },
  { id: 'medicines', hsPrefix: '30', regime: 'import_home_use', origin: null, documentType: 'pharmaceutical_import_authorisation', agencyCode: 'HEALTH' },
  { id: 'beef-from-br', hsPrefix: '0202', regime: null, origin: 'BR', documentType: 'phytosanitary_certificate', agencyCode: 'AGRICULTURE' },
];

const item = (hsCode: string, origin = 'TH', documents: DeclarationItemInput['documents'] = []): DeclarationItemInput => ({
  hsCode, origin, documents, description: 'goods', quantity: { amount: '1', unit: 'KGM' }, grossMassKg: '1', netMassKg: '1', customsValue: '1', preferenceClaimed: false,
});

describe('regulatory matrix', () => {
  it('asks rice imports for a licence from Commerce and one phytosanitary certificate from Agriculture, however many rules name it', () => {
    const required = requiredDocuments(item('1006.30.00.00'), 'import_home_use', rules);
    expect(required).toEqual([
      { documentType: 'import_licence', agencyCode: 'COMMERCE', ruleIds: ['rice-licence'] },
      { documentType: 'phytosanitary_certificate', agencyCode: 'AGRICULTURE', ruleIds: ['cereals-phyto', 'rice-phyto'] },
    ]);
  });

  it('honours the regime and the origin of a rule', () => {
    expect(requiredDocuments(item('1006300000'), 'export', rules).map((r) => r.documentType)).toEqual(['phytosanitary_certificate']);
    expect(requiredDocuments(item('3004.90.00.00'), 'transit', rules)).toEqual([]);
    expect(requiredDocuments(item('0202.30.00.00', 'BR'), 'import_home_use', rules).map((r) => r.ruleIds)).toEqual([['beef-from-br']]);
    expect(requiredDocuments(item('0202.30.00.00', 'AR'), 'import_home_use', rules)).toEqual([]);
  });

  it('lists, per item, the required documents not cited', () => {
    const items = [
      item('1006.30.00.00', 'TH', [{ type: 'import_licence', reference: 'KD-LIC-1' }]),
      item('8471.30.00.00'),
      item('3004.90.00.00', 'IN'),
    ];
    expect(missingDocuments(items, 'import_home_use', rules)).toEqual([
      { itemIndex: 0, documentType: 'phytosanitary_certificate', agencyCode: 'AGRICULTURE' },
      { itemIndex: 2, documentType: 'pharmaceutical_import_authorisation', agencyCode: 'HEALTH' },
    ]);
  });
});
