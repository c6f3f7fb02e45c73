import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROSS_MASS_TOLERANCE, judgeLine, type DeclarationForTransport } from './matching.ts';
import type { ManifestLine } from './manifest.ts';

const line = (overrides: Partial<ManifestLine> = {}): ManifestLine => ({
  billOfLading: 'MSCU-BL-0001',
  consignee: { name: 'Kandara Riz Import SARL', taxId: 'KD-2019-004512' },
  containers: ['CSQU3054383'],
  packages: { count: 800, kind: 'BG' },
  grossMassKg: '20150',
  description: 'Thai white rice',
  ...overrides,
});

const declaration = (overrides: Partial<DeclarationForTransport> = {}): DeclarationForTransport => ({
  id: 'd1',
  reference: 'KDKAN01-2026-000001',
  state: 'released',
  released: true,
  importerTaxId: 'KD-2019-004512',
  transportDocument: 'MSCU-BL-0001',
  containers: ['CSQU3054383'],
  grossMassKg: 20150,
  ...overrides,
});

describe('matching a manifest line to the declarations clearing it', () => {
  it('matches on the bill of lading, whatever its case and spacing, and lets the containers out once released', () => {
    const judged = judgeLine(line(), [declaration({ transportDocument: 'mscu-bl- 0001' })]);
    expect(judged.matches.map((m) => m.by)).toEqual(['transport_document']);
    expect(judged).toMatchObject({ discrepancy: null, gateOut: { allowed: true } });
  });

  it('falls back to a shared container for the same consignee, but not for another importer or another bill', () => {
    const fallback = declaration({ transportDocument: null });
    expect(judgeLine(line(), [fallback]).matches.map((m) => m.by)).toEqual(['containers_and_consignee']);
    expect(judgeLine(line(), [declaration({ transportDocument: null, importerTaxId: 'KD-2018-002231' })]).discrepancy?.kind).toBe('undeclared');
    expect(judgeLine(line(), [declaration({ transportDocument: 'OTHER-BL' })]).gateOut).toEqual({ allowed: false, reason: 'not_declared' });
  });

  it('keeps the containers in while a declaration clearing the line is not released', () => {
    const judged = judgeLine(line({ grossMassKg: '40300' }), [declaration(), declaration({ id: 'd2', state: 'assessed', released: false })]);
    expect(judged).toMatchObject({ discrepancy: null, gateOut: { allowed: false, reason: 'not_released' } });
  });

  it('lists short and over declared masses beyond the tolerance', () => {
    expect(judgeLine(line({ grossMassKg: '30000' }), [declaration()]).discrepancy).toEqual({ kind: 'quantity_short', manifestedKg: 30000, declaredKg: 20150 });
    expect(judgeLine(line({ grossMassKg: '10000' }), [declaration()]).discrepancy?.kind).toBe('quantity_over');
  });

  it('never lists a mass within the tolerance, and always lists one beyond it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1_000_000 }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (manifested, share) => {
        const declared = Math.round(manifested * (1 + share));
        const judged = judgeLine(line({ grossMassKg: String(manifested) }), [declaration({ grossMassKg: declared })]);
        const within = Math.abs(declared - manifested) <= manifested * GROSS_MASS_TOLERANCE;
        expect(judged.discrepancy === null).toBe(within);
      }),
    );
  });
});
