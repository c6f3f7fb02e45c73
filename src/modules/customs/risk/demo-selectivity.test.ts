import { describe, expect, it } from 'vitest';
import { DEMO_REFERENCE_PRICES, DEMO_RISK_PROFILES, DEMO_SELECTIVITY_SETTINGS } from './demo-selectivity.ts';
import { selectChannel } from './select-channel.ts';
import { CEMENT, CIGARETTES, MEDICINES, declaration, expectReadable, input, item, record, sequence } from './test-fixtures.ts';
import type { RandomSource, SelectivityInput } from './types.ts';

/** The demo country's profiles and settings; the first draw is the 5 % random documentary check's. */
function decide(overrides: Partial<SelectivityInput>, random: RandomSource = sequence(0.5, 0.5)) {
  const decision = selectChannel(input({ referencePrices: DEMO_REFERENCE_PRICES, ...overrides }), DEMO_RISK_PROFILES, DEMO_SELECTIVITY_SETTINGS, random);
  expectReadable([...decision.explanation, ...decision.hits.map((h) => h.explanation)]);
  return decision;
}
const profilesHit = (decision: ReturnType<typeof decide>) => [...new Set(decision.hits.map((h) => h.profileId))];

// The worked examples of docs/customs/risk.md.
describe('the demo country selectivity', () => {
  it('covers every kind of criterion', () => {
    const kinds = new Set(DEMO_RISK_PROFILES.flatMap((p) => p.criteria.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['declarant_score', 'hs_prefix', 'importer_score', 'origin_in', 'origin_not_in', 'origin_route', 'random', 'regime_in', 'split_consignment', 'undervaluation']);
  });

  it('example 1: the mission story, 20 t of Thai rice at USD 9,000, goes green', () => {
    const decision = decide({});
    expect(decision).toMatchObject({ channel: 'green', score: 0, hits: [], randomlySelected: false });
  });

  it('example 2: the same rice declared at 140 XOF/kg and dispatched from Nigeria by road goes red', () => {
    const decision = decide(
      { declaration: declaration({ transport: { mode: 'road', dispatchCountry: 'NG', containers: [] } }), itemValues: [2_800_000] },
      sequence(0.5),
    );
    expect(decision).toMatchObject({ channel: 'red', score: 85 });
    expect(profilesHit(decision)).toEqual(['rice-undervaluation', 'rice-implausible-route']);
  });

  it('example 3: cigarettes go red whatever their score', () => {
    const decision = decide({ declaration: declaration({ items: [item({ hsCode: CIGARETTES, origin: 'FR' })], transport: { mode: 'sea', dispatchCountry: 'FR', containers: [] } }) }, sequence(0.5));
    expect(decision).toMatchObject({ channel: 'red', score: 30 });
  });

  it('example 4: cement of Ivorian origin shipped from China goes yellow', () => {
    const decision = decide({ declaration: declaration({ items: [item({ hsCode: CEMENT, origin: 'CI', preferenceClaimed: true })], transport: { mode: 'sea', dispatchCountry: 'CN', containers: [] } }) }, sequence(0.5));
    expect(decision).toMatchObject({ channel: 'yellow', score: 45 });
    expect(decision.hits.at(-1)?.explanation).toMatchObject({ key: 'customs.risk.hit.origin_route_dispatch', params: { origin: 'CI', dispatch: 'CN' } });
  });

  it('example 5: a third cement consignment of 400,000 XOF in a week goes yellow', () => {
    const earlier = [
      { reference: 'KDPRT-2026-000101', date: '2026-11-17', hsCode: CEMENT, value: 400_000 },
      { reference: 'KDPRT-2026-000120', date: '2026-11-20', hsCode: CEMENT, value: 400_000 },
    ];
    const cement = declaration({ items: [item({ hsCode: CEMENT, origin: 'CN' })], transport: { mode: 'sea', dispatchCountry: 'CN', containers: [] } });
    const decision = decide({ declaration: cement, itemValues: [400_000], recentDeclarations: earlier }, sequence(0.5));
    expect(decision).toMatchObject({ channel: 'yellow', score: 45 });
    expect(decision.hits[0]?.explanation.params).toMatchObject({ count: 3, total: 1_200_000 });
  });

  it('example 6: an importer with a recent seizure (score 68) goes red', () => {
    expect(decide({ importerRisk: record(68) }, sequence(0.5))).toMatchObject({ channel: 'red', score: 40 });
  });

  it('example 7: medicines from an origin not approved go yellow; from India they pass', () => {
    const medicines = (origin: string) => ({ declaration: declaration({ items: [item({ hsCode: MEDICINES, origin, netMassKg: '500' })], transport: { mode: 'air', dispatchCountry: origin, containers: [] } }), itemValues: [8_000_000] });
    expect(decide(medicines('CN'), sequence(0.5))).toMatchObject({ channel: 'yellow', score: 40 });
    expect(decide(medicines('IN'))).toMatchObject({ channel: 'green', score: 0 });
  });

  it('example 8: a declaration drawn by the 5 % random check goes yellow, one drawn for audit goes blue', () => {
    expect(decide({}, sequence(0.03))).toMatchObject({ channel: 'yellow', score: 0, randomlySelected: true });
    expect(decide({}, sequence(0.5, 0.03))).toMatchObject({ channel: 'blue', score: 0, randomlySelected: true });
  });

  it('example 9: brake pads from China add 25 points, not enough alone for yellow', () => {
    const parts = declaration({ items: [item({ hsCode: '8708.30.00.00', origin: 'CN', netMassKg: '2000' })], transport: { mode: 'sea', dispatchCountry: 'CN', containers: [] } });
    expect(decide({ declaration: parts, itemValues: [7_000_000] })).toMatchObject({ channel: 'green', score: 25 });
  });

  it('example 10: cocoa exports go blue; vehicles under temporary admission go yellow', () => {
    const cocoa = declaration({ regime: 'export', items: [item({ hsCode: '1801.00.00.00', origin: 'KD' })], transport: { mode: 'sea', dispatchCountry: 'KD', containers: [] } });
    expect(decide({ declaration: cocoa, itemValues: [90_000_000] }, sequence(0.5))).toMatchObject({ channel: 'blue', score: 0, randomlySelected: false });
    const car = declaration({ regime: 'temporary_admission', items: [item({ hsCode: '8703.23.00.00', origin: 'FR', netMassKg: '1300' })], transport: { mode: 'road', dispatchCountry: 'SN', containers: [] } });
    expect(decide({ declaration: car, itemValues: [6_000_000] }, sequence(0.5))).toMatchObject({ channel: 'yellow', score: 40 });
  });
});
