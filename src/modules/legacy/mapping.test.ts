import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapLegacyDraft, type LegacyDraft } from './mapping.ts';

const codes = { offices: new Set(['KDKAN01']), currencies: new Set(['USD', 'XOF']), countries: new Set(['TH', 'KD']) };

const draftOf = (overrides: Partial<LegacyDraft> = {}): LegacyDraft => ({
  reference: 'SIGAD-2025-000001',
  officeCode: 'KDKAN01',
  regime: '40',
  lodgedAt: '2025-09-14 08:30',
  releasedAt: '',
  channel: 'G',
  importerTaxId: '',
  declarantTaxId: 'KD-2015-000871',
  currency: 'USD',
  items: [{ hsCode: '1006300000', description: 'Rice', origin: 'TH', quantity: '20000', unit: 'KGM', value: '9800' }],
  taxes: [],
  ...overrides,
});

describe('mapping a legacy record to the platform vocabulary', () => {
  it("reads the old system's procedure codes and channel letters", () => {
    const mapped = mapLegacyDraft(draftOf(), codes, 'csv');
    expect(mapped).toMatchObject({ declaration: { regime: 'import_home_use', channel: 'green', importerTaxId: null, lodgedAt: new Date('2025-09-14T08:30:00Z'), taxesTotal: '0' } });
  });

  it('lists every reason at once, by field', () => {
    const mapped = mapLegacyDraft(draftOf({ regime: 'IM4', lodgedAt: '14/09/2025', currency: 'ZZZ', items: [{ hsCode: '10', description: '', origin: 'XX', quantity: '1', unit: 'KGM', value: '-3' }] }), codes, 'csv');
    expect('problems' in mapped && mapped.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'regime:unknown_regime',
      'currency:unknown_currency',
      'lodgedAt:bad_date',
      'items[0].hsCode:bad_hs_code',
      'items[0].origin:unknown_country',
      'items[0].value:negative_amount',
    ]);
  });

  it('refuses a release before the lodgement and a date that is not in the calendar', () => {
    const early = mapLegacyDraft(draftOf({ releasedAt: '2025-09-13' }), codes, 'csv');
    expect('problems' in early && early.problems.map((p) => p.code)).toEqual(['released_before_lodged']);
    const leap = mapLegacyDraft(draftOf({ lodgedAt: '2025-02-29' }), codes, 'csv');
    expect('problems' in leap && leap.problems.map((p) => p.code)).toEqual(['bad_date']);
  });

  it('sums the taxes exactly, whatever the amounts (no floating-point drift)', () => {
    const amount = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 9999 })).map(([whole, fraction]) => ({ text: `${whole}.${String(fraction).padStart(4, '0')}`, units: whole * 10_000n + BigInt(fraction) }));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), (amounts) => {
        const mapped = mapLegacyDraft(draftOf({ taxes: amounts.map((a, i) => ({ kind: 'vat', amount: a.text, field: `taxes[${i}]` })) }), codes, 'csv');
        if (!('declaration' in mapped)) return false;
        const units = amounts.reduce((sum, a) => sum + a.units, 0n);
        const [whole = '', fraction = ''] = mapped.declaration.taxesTotal.split('.');
        return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0')) === units && mapped.declaration.taxes.vat === mapped.declaration.taxesTotal;
      }),
    );
  });
});
