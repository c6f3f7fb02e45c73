import { describe, expect, it } from 'vitest';
import { csvOf } from './csv.ts';
import { factOf, legacyFactOf, type DeclarationDetail } from './facts.ts';

/** A declaration as customs hands it out, with only what the read model looks at filled in. */
const declaration = (overrides: Partial<DeclarationDetail> = {}): DeclarationDetail =>
  ({
    id: 'd-1',
    reference: 'KDKAN01-2026-000042',
    state: 'released',
    declaredOn: '2026-03-02',
    channel: 'yellow',
    declaration: { officeCode: 'KDKAN01', regime: 'import_home_use' },
    assessment: { totals: [{ code: 'duty', amount: 720 }, { code: 'statistical_fee', amount: 7 }, { code: 'vat', amount: 1_426 }] },
    risk: { hits: [{ profileId: 'cement_route', criterion: 'origin_route' }, { profileId: 'cement_route', criterion: 'origin_route', item: 1 }, { profileId: 'cheap', criterion: 'undervaluation' }] },
    lodgedAt: '2026-03-02T08:00:00.000Z',
    releasedAt: '2026-03-03T10:30:00.000Z',
    history: [
      { state: 'lodged', by: 'broker', at: '2026-03-02T08:00:00.000Z' },
      { state: 'paid', by: 'cashier', at: '2026-03-03T09:00:00.000Z' },
      { state: 'released', by: 'customs', at: '2026-03-03T10:30:00.000Z' },
    ],
    inspections: [{ id: 'i-1', outcome: 'conform', findings: 'As declared', by: 'officer', at: '2026-03-02T12:00:00.000Z' }],
    versions: [{ version: 1, reason: null, by: 'broker', at: '2026-03-02T08:00:00.000Z' }],
    ...overrides,
  }) as unknown as DeclarationDetail;

describe('the fact row of a declaration', () => {
  it('counts it on its day, its taxes collected on the day it was paid, its clearance from lodgement to release', () => {
    expect(factOf(declaration())).toMatchObject({
      system: 'guichet',
      source_id: 'd-1',
      office_code: 'KDKAN01',
      regime: 'import_home_use',
      channel: 'yellow',
      lodged_on: '2026-03-02',
      paid_on: '2026-03-03',
      clearance_seconds: 95_400,
      duty: 720,
      statistical_fee: 7,
      vat: 1_426,
      excise: 0,
      risk_hits: ['cement_route:origin_route', 'cheap:undervaluation'],
      inspection_outcome: 'conform',
      progress: 5,
    });
  });

  it('leaves out a draft, and keeps an unpaid, unreleased declaration without payment day or clearance', () => {
    expect(factOf(declaration({ lodgedAt: null }))).toBeUndefined();
    expect(factOf(declaration({ releasedAt: null, history: [{ state: 'lodged', by: 'broker', at: '2026-03-02T08:00:00.000Z' }] }))).toMatchObject({ paid_on: null, released_at: null, clearance_seconds: null });
  });

  it("counts a legacy record's taxes on its release day, rounded to the currency's unit", () => {
    const fact = legacyFactOf({ reference: 'SIGAD-1', officeCode: 'KDKAN01', regime: 'export', channel: null, lodgedAt: new Date('2025-03-10T09:00:00Z'), releasedAt: new Date('2025-03-12T09:00:00Z'), taxes: { duty: '1000.00', vat: '180.6' } });
    expect(fact).toMatchObject({ system: 'legacy', source_id: 'SIGAD-1', lodged_on: '2025-03-10', paid_on: '2025-03-12', clearance_seconds: 172_800, duty: 1_000, vat: 181, state: 'released' });
  });
});

describe('a figure as CSV', () => {
  it('quotes what needs it and keeps a spreadsheet from running a cell as a formula', () => {
    const csv = csvOf({ columns: ['office', 'amount'], rows: [['=HYPERLINK("x")', 12], ['KD, "north"', null]] }, 'en');
    expect(csv).toBe('\uFEFFOffice,Amount\r\n"\'=HYPERLINK(""x"")",12\r\n"KD, ""north""",\r\n');
  });
});
