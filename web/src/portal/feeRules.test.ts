import { describe, expect, it } from 'vitest';
import { explainFees, feeIsFixed } from './feeRules';

const label = (fr: string) => ({ fr, ar: fr, en: fr });

describe('the fees a service page explains', () => {
  const rules = [
    { kind: 'fixed' as const, label: label('Droit fixe'), amount: 10000 },
    { kind: 'per_unit' as const, label: label('Par tonne'), field: 'tonnes', unitAmount: 500 },
    {
      kind: 'band' as const,
      label: label('Selon la valeur'),
      field: 'value',
      bands: [
        { upTo: 1000, amount: 100 },
        { upTo: 5000, amount: 300 },
        { upTo: null, amount: 900 },
      ],
    },
  ];

  it('names the form field a variable fee depends on, and where each band starts', () => {
    expect(explainFees(rules, { tonnes: label('Quantité (t)') }, 'fr')).toEqual([
      { kind: 'fixed', label: 'Droit fixe', amount: 10000 },
      { kind: 'per_unit', label: 'Par tonne', field: 'Quantité (t)', unitAmount: 500 },
      {
        kind: 'band',
        label: 'Selon la valeur',
        field: 'value',
        bands: [
          { from: null, upTo: 1000, amount: 100 },
          { from: 1000, upTo: 5000, amount: 300 },
          { from: 5000, upTo: null, amount: 900 },
        ],
      },
    ]);
  });

  it('knows when the total is known before the form is filled', () => {
    expect(feeIsFixed(rules)).toBe(false);
    expect(feeIsFixed(rules.slice(0, 1))).toBe(true);
  });
});
