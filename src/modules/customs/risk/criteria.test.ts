import { describe, expect, it } from 'vitest';
import { translate } from '../../../platform/i18n/i18n.ts';
import { selectChannel } from './select-channel.ts';
import type { OriginRoute, RiskCriterion } from './profile-schema.ts';
import { CEMENT, MEDICINES, declaration, expectReadable, input, item, neverDrawn, profile, record, sequence, settings } from './test-fixtures.ts';
import type { RandomSource, SelectivityInput } from './types.ts';

/** One profile of score 50 (yellow alone) made of `criteria`, applied to the rice declaration changed by `overrides`. */
function decide(criteria: RiskCriterion[], overrides: Partial<SelectivityInput> = {}, random: RandomSource = neverDrawn) {
  const decision = selectChannel(input(overrides), [profile({ criteria })], settings, random);
  expectReadable(decision.explanation);
  expectReadable(decision.hits.map((h) => h.explanation));
  return decision;
}

describe('criterion: HS code prefix', () => {
  it('hits an item whose tariff line starts with a prefix, whatever its dots', () => {
    const decision = decide([{ kind: 'hs_prefix', prefixes: ['2402', '1006'] }]);
    expect(decision.hits).toEqual([
      { profileId: 'test-profile', criterion: 'hs_prefix', item: 0, explanation: { key: 'customs.risk.hit.hs_prefix', params: { profile: 'test-profile', item: 1, hsCode: '1006.30.00.00', prefix: '1006' } } },
    ]);
    expect(decision).toMatchObject({ channel: 'yellow', score: 50 });
  });

  it('misses a tariff line under another heading', () => {
    expect(decide([{ kind: 'hs_prefix', prefixes: ['1005'] }])).toMatchObject({ channel: 'green', score: 0, hits: [] });
  });
});

describe('criterion: origin in a list, and outside a list', () => {
  it('origin_in hits an item from a listed country and misses the others', () => {
    expect(decide([{ kind: 'origin_in', countries: ['TH', 'VN'] }]).hits[0]?.explanation.params).toMatchObject({ origin: 'TH', item: 1 });
    expect(decide([{ kind: 'origin_in', countries: ['VN'] }]).hits).toEqual([]);
  });

  it('origin_not_in hits medicines from an origin that is not approved, and spares an approved one', () => {
    const criteria: RiskCriterion[] = [{ kind: 'hs_prefix', prefixes: ['30'] }, { kind: 'origin_not_in', countries: ['FR', 'IN'] }];
    const from = (origin: string) => ({ declaration: declaration({ items: [item({ hsCode: MEDICINES, origin })] }), itemValues: [2_000_000] });
    const unlisted = decide(criteria, from('CN'));
    expect(unlisted.hits.map((h) => h.criterion)).toEqual(['hs_prefix', 'origin_not_in']);
    expect(unlisted.hits[1]?.explanation.params).toMatchObject({ origin: 'CN', countries: 'FR, IN' });
    expect(decide(criteria, from('IN')).hits).toEqual([]);
  });
});

describe('criterion: regime', () => {
  it('hits a declaration under a listed regime, in words in each language', () => {
    const decision = decide([{ kind: 'regime_in', regimes: ['temporary_admission'] }], { declaration: declaration({ regime: 'temporary_admission' }) });
    expect(decision.hits).toEqual([{ profileId: 'test-profile', criterion: 'regime_in', explanation: { key: 'customs.risk.hit.regime_in', params: { profile: 'test-profile', regime: 'temporary_admission' } } }]);
    expect(translate('fr', decision.hits[0]!.explanation.key, decision.hits[0]!.explanation.params)).toContain('admission temporaire');
    expect(decide([{ kind: 'regime_in', regimes: ['temporary_admission'] }]).hits).toEqual([]);
  });
});

describe('criterion: importer and declarant risk scores', () => {
  it('hits at the threshold itself and misses just below it', () => {
    expect(decide([{ kind: 'importer_score', atLeast: 60 }], { importerRisk: record(60) }).hits[0]?.explanation.params).toEqual({ profile: 'test-profile', score: 60, atLeast: 60 });
    expect(decide([{ kind: 'importer_score', atLeast: 60 }], { importerRisk: record(59) }).hits).toEqual([]);
    expect(decide([{ kind: 'declarant_score', atLeast: 50 }], { declarantRisk: record(50) }).hits[0]?.criterion).toBe('declarant_score');
    expect(decide([{ kind: 'declarant_score', atLeast: 50 }], { declarantRisk: record(49), importerRisk: record(90) }).hits).toEqual([]);
  });
});

describe('criterion: undervaluation against the reference price', () => {
  const criteria: RiskCriterion[] = [{ kind: 'undervaluation', ratio: 0.6 }];
  // Milled rice 100630 has its own reference price, 280 XOF/kg: the floor is 60 % of it, 168 XOF/kg.
  it('hits 20 t of milled rice declared at 2,800,000 XOF, 140 XOF/kg', () => {
    const decision = decide(criteria, { itemValues: [2_800_000] });
    expect(decision.hits[0]?.explanation).toEqual({
      key: 'customs.risk.hit.undervaluation',
      params: { profile: 'test-profile', item: 1, valuePerKg: '140', prefix: '100630', referencePrice: '280', percent: '60', floor: '168' },
    });
  });

  it('spares a value exactly on the floor and the real price of the mission story', () => {
    expect(decide(criteria, { itemValues: [3_360_000] }).hits).toEqual([]);
    expect(decide(criteria, { itemValues: [3_359_999] }).hits[0]?.explanation.params.valuePerKg).toBe('168');
    expect(decide(criteria).hits).toEqual([]);
  });

  it('uses the longest prefix with a price, and judges nothing without one', () => {
    const broken = declaration({ items: [item({ hsCode: '1006.40.00.00' })] });
    expect(decide(criteria, { declaration: broken, itemValues: [2_800_000] }).hits[0]?.explanation.params).toMatchObject({ prefix: '1006', referencePrice: '260', floor: '156' });
    expect(decide(criteria, { itemValues: [1], referencePrices: { '1005': 200 } }).hits).toEqual([]);
  });
});

describe('criterion: split consignments', () => {
  const criteria: RiskCriterion[] = [{ kind: 'split_consignment', withinDays: 7, threshold: 1_000_000 }];
  const cement = (value: number) => ({ declaration: declaration({ items: [item({ hsCode: CEMENT, origin: 'CN' })] }), itemValues: [value] });
  const earlier = [
    { reference: 'KDPRT-2026-000101', date: '2026-11-17', hsCode: '2523.29.00.00', value: 400_000 },
    { reference: 'KDPRT-2026-000145', date: '2026-11-20', hsCode: '2523.10.00.00', value: 250_000 },
    { reference: 'KDPRT-2026-000145', date: '2026-11-20', hsCode: '2523.29.00.00', value: 150_000 },
  ];

  it('hits a third cement declaration under the threshold when the three together exceed it', () => {
    const decision = decide(criteria, { ...cement(400_000), recentDeclarations: earlier });
    expect(decision.hits[0]?.explanation.params).toEqual({
      profile: 'test-profile',
      item: 1,
      heading: '2523',
      count: 3,
      references: 'KDPRT-2026-000101, KDPRT-2026-000145',
      total: 1_200_000,
      threshold: 1_000_000,
      days: 7,
    });
  });

  it('misses when the parts stay under the threshold together, when one part is above it, and outside the window', () => {
    expect(decide(criteria, { ...cement(150_000), recentDeclarations: earlier }).hits).toEqual([]);
    expect(decide(criteria, { ...cement(1_000_000), recentDeclarations: earlier }).hits).toEqual([]);
    const old = earlier.map((d) => ({ ...d, date: '2026-11-15' }));
    expect(decide(criteria, { ...cement(400_000), recentDeclarations: old }).hits).toEqual([]);
    const otherHeading = earlier.map((d) => ({ ...d, hsCode: '2522.10.00.00' }));
    expect(decide(criteria, { ...cement(400_000), recentDeclarations: otherHeading }).hits).toEqual([]);
  });

  it('does not count an earlier declaration that was above the threshold on its own', () => {
    const large = [{ reference: 'KDPRT-2026-000099', date: '2026-11-22', hsCode: CEMENT, value: 5_000_000 }];
    expect(decide(criteria, { ...cement(400_000), recentDeclarations: large }).hits).toEqual([]);
  });
});

describe('criterion: origin inconsistent with the route', () => {
  const byShip: OriginRoute = { origins: ['TH', 'VN'], dispatchFrom: ['TH', 'VN', 'SG'], modes: ['sea'] };
  const criteria: RiskCriterion[] = [{ kind: 'origin_route', routes: [byShip] }];
  const via = (dispatchCountry: string, mode: 'sea' | 'road') => ({ declaration: declaration({ transport: { mode, dispatchCountry, containers: [] } }) });

  it('hits Thai rice dispatched from Nigeria', () => {
    expect(decide(criteria, via('NG', 'sea')).hits[0]?.explanation).toEqual({
      key: 'customs.risk.hit.origin_route_dispatch',
      params: { profile: 'test-profile', item: 1, origin: 'TH', dispatch: 'NG', mode: 'sea', expected: 'TH, VN, SG' },
    });
  });

  it('hits Thai rice from Singapore arriving by road, naming the mode', () => {
    const decision = decide(criteria, via('SG', 'road'));
    expect(decision.hits[0]?.explanation.key).toBe('customs.risk.hit.origin_route_mode');
    expect(translate('en', decision.hits[0]!.explanation.key, decision.hits[0]!.explanation.params)).toContain('by road');
  });

  it('spares a plausible route and origins no route speaks of', () => {
    expect(decide(criteria, via('SG', 'sea')).hits).toEqual([]);
    expect(decide(criteria, { declaration: declaration({ items: [item({ origin: 'US' })], transport: { mode: 'road', dispatchCountry: 'NG', containers: [] } }) }).hits).toEqual([]);
  });

  it('accepts the route when any route listing the origin accepts it', () => {
    const two: RiskCriterion[] = [{ kind: 'origin_route', routes: [byShip, { origins: ['TH'], dispatchFrom: ['NG'], modes: ['road'] }] }];
    expect(decide(two, via('NG', 'road')).hits).toEqual([]);
    expect(decide(two, via('NG', 'sea')).hits[0]?.explanation.key).toBe('customs.risk.hit.origin_route_mode');
  });
});

describe('criterion: random selection', () => {
  it('hits when the draw is below the rate and says so', () => {
    const decision = decide([{ kind: 'random', rate: 0.05 }], {}, sequence(0.049, 0.9));
    expect(decision.hits[0]?.explanation.params).toEqual({ profile: 'test-profile', percent: '5', draw: 0.049 });
    expect(decision.randomlySelected).toBe(true);
  });

  it('misses on a draw equal to the rate', () => {
    const decision = decide([{ kind: 'random', rate: 0.05 }], {}, sequence(0.05, 0.9));
    expect(decision).toMatchObject({ hits: [], randomlySelected: false, channel: 'green' });
  });
});

describe('a profile of several criteria', () => {
  it('needs every criterion, item criteria on the same item, and reports each item on which they all hit', () => {
    const criteria: RiskCriterion[] = [{ kind: 'hs_prefix', prefixes: ['1006'] }, { kind: 'origin_in', countries: ['VN'] }];
    const items = [item({ origin: 'TH' }), item({ hsCode: CEMENT, origin: 'VN' }), item({ origin: 'VN' }), item({ origin: 'VN', hsCode: '1006.40.00.00' })];
    const decision = decide(criteria, { declaration: declaration({ items }), itemValues: [1, 1, 1, 1] });
    expect(decision.hits.map((h) => [h.criterion, h.item])).toEqual([
      ['hs_prefix', 2],
      ['origin_in', 2],
      ['hs_prefix', 3],
      ['origin_in', 3],
    ]);
    expect(decision.score).toBe(50);
  });

  it('misses when a declaration criterion misses, though the items hit', () => {
    expect(decide([{ kind: 'hs_prefix', prefixes: ['1006'] }, { kind: 'regime_in', regimes: ['transit'] }]).hits).toEqual([]);
  });
});
