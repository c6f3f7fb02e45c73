import { describe, expect, it } from 'vitest';
import { certificateProblems, citedGroups, permitProblems } from './document-checks.ts';
import type { DeclarationInput, DeclarationItemInput } from './types.ts';

const item = (hsCode: string, amount: string, unit: string, netMassKg: string, documents: DeclarationItemInput['documents']): DeclarationItemInput => ({
  hsCode,
  description: 'goods',
  origin: 'TH',
  quantity: { amount, unit },
  grossMassKg: netMassKg,
  netMassKg,
  customsValue: '100',
  preferenceClaimed: false,
  documents,
});

const declaration = (items: DeclarationItemInput[]): DeclarationInput => ({
  localReference: 'LRN-1',
  regime: 'import_home_use',
  officeCode: 'KDKAN01',
  declarant: { taxId: 'KD-1', name: 'Broker', country: 'KD' },
  importer: { taxId: 'KD-2', name: 'Importer', country: 'KD' },
  transport: { mode: 'sea', dispatchCountry: 'TH', containers: [] },
  invoiceCurrency: 'USD',
  items,
});

describe('the documents a declaration asks issuers about', () => {
  it('groups each cited document once, with every citing field, the common HS prefix and the summed quantity', () => {
    const licence = { type: 'import_licence' as const, reference: 'L-1' };
    const groups = citedGroups(
      declaration([
        item('1006.30.00.00', '12000', 'KGM', '12000', [licence, { type: 'commercial_invoice', reference: 'INV-1' }]),
        item('1006.40.00.00', '3', 'TNE', '3000', [licence]),
      ]),
      'KD',
    );
    // Invoices have no issuing service to ask.
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ reference: 'L-1', source: { kind: 'permit', provider: 'KD/GOV/COMMERCE' }, paths: ['items[0].documents[0]', 'items[1].documents[0]'], hsCode: '1006', netMassKg: '15000' });
    // Two units: summed by net mass.
    expect(groups[0]?.quantity).toEqual({ amount: '15000', unit: 'KGM' });
  });

  it('turns a register\'s answer into the problems a broker reads', () => {
    expect(permitProblems({ found: false })).toEqual([{ code: 'declaration_document_not_found' }]);
    expect(permitProblems({ found: true, status: 'valid', holderMatches: true, coversGoods: true, requested: 5, available: 5, enough: true, unit: 'TNE' })).toEqual([]);
    expect(permitProblems({ found: true, status: 'expired', validUntil: '2026-01-31', holderMatches: false, coversGoods: true, requested: null, unit: 'LTR' }).map((p) => p.code)).toEqual([
      'declaration_document_expired',
      'declaration_document_other_holder',
      'declaration_document_unit_mismatch',
    ]);
    expect(permitProblems({ found: true, status: 'valid', holderMatches: true, coversGoods: true, requested: 9, available: 4.5, enough: false, unit: 'TNE' })).toEqual([
      { code: 'declaration_document_quantity_insufficient', params: { requested: 9, available: 4.5, unit: 'TNE' } },
    ]);
  });

  it('checks the consignee of a certificate against the importer, not against anyone on an export', () => {
    const answer = { found: true, status: 'valid', consigneeTaxId: 'KD-9', matchesHsCode: true };
    expect(certificateProblems(answer, 'KD-2')).toEqual([{ code: 'declaration_document_other_holder' }]);
    expect(certificateProblems(answer, 'KD-9')).toEqual([]);
    expect(certificateProblems(answer, undefined)).toEqual([]);
    expect(certificateProblems({ found: true, status: 'revoked', matchesHsCode: false }, 'KD-2').map((p) => p.code)).toEqual(['declaration_document_revoked', 'declaration_document_goods_not_covered']);
  });
});
