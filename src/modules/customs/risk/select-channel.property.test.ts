import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIMES, TRANSPORT_MODES } from '../declarations/types.ts';
import { readRiskProfiles } from './read-profiles.ts';
import { selectChannel } from './select-channel.ts';
import type { Channel, RiskCriterion, RiskProfile } from './profile-schema.ts';
import { declaration, expectReadable, input, item, record, settings } from './test-fixtures.ts';
import type { SelectivityInput } from './types.ts';

const SEVERITY: Record<Channel, number> = { green: 0, blue: 1, yellow: 2, red: 3 };
const country = fc.constantFrom('TH', 'VN', 'CI', 'NG', 'CN', 'FR', 'IN', 'SG');
const countries = fc.uniqueArray(country, { minLength: 1, maxLength: 4 });
const hsCode = fc.constantFrom('1006.30.00.00', '1006.40.00.00', '2402.20.00.00', '2523.29.00.00', '3004.90.00.00', '8703.23.00.00');
const hundredths = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100);

/** Any criterion of any kind; random rates stay at or below one half. */
const criterion: fc.Arbitrary<RiskCriterion> = fc.oneof(
  fc.record({ kind: fc.constant('hs_prefix' as const), prefixes: fc.uniqueArray(fc.constantFrom('10', '1006', '100630', '2402', '2523', '30'), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('origin_in' as const), countries }),
  fc.record({ kind: fc.constant('origin_not_in' as const), countries }),
  fc.record({ kind: fc.constant('regime_in' as const), regimes: fc.uniqueArray(fc.constantFrom(...REGIMES), { minLength: 1 }) }),
  fc.record({ kind: fc.constant('importer_score' as const), atLeast: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('declarant_score' as const), atLeast: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('undervaluation' as const), ratio: hundredths(1, 100) }),
  fc.record({ kind: fc.constant('split_consignment' as const), withinDays: fc.integer({ min: 1, max: 30 }), threshold: fc.integer({ min: 1, max: 5_000_000 }) }),
  fc.record({
    kind: fc.constant('origin_route' as const),
    routes: fc.array(fc.record({ origins: countries, dispatchFrom: countries, modes: fc.uniqueArray(fc.constantFrom(...TRANSPORT_MODES), { minLength: 1 }) }, { requiredKeys: ['origins', 'dispatchFrom'] }), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('random' as const), rate: hundredths(0, 50) }),
);

const profileAt = (index: number): fc.Arbitrary<RiskProfile> =>
  fc
    .record({ criteria: fc.array(criterion, { minLength: 1, maxLength: 3 }), score: fc.integer({ min: 1, max: 100 }), channel: fc.option(fc.constantFrom('yellow' as const, 'red' as const, 'blue' as const), { nil: undefined }) })
    .map(({ channel, ...rest }) => ({ id: `p${index}`, names: { fr: 'p', ar: 'p', en: 'p' }, active: true, validFrom: '2026-01-01', ...rest, ...(channel ? { channel } : {}) }));
const profiles = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => profileAt(i))));

const anyInput: fc.Arbitrary<SelectivityInput> = fc
  .record({
    items: fc.array(fc.record({ hsCode, origin: country, netMassKg: fc.integer({ min: 0, max: 50_000 }).map(String) }), { minLength: 1, maxLength: 4 }),
    values: fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 4, maxLength: 4 }),
    regime: fc.constantFrom(...REGIMES),
    mode: fc.constantFrom(...TRANSPORT_MODES),
    dispatchCountry: country,
    importer: fc.integer({ min: 0, max: 100 }),
    declarant: fc.integer({ min: 0, max: 100 }),
    recent: fc.array(fc.record({ reference: fc.constantFrom('A', 'B', 'C'), date: fc.integer({ min: 1, max: 30 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`), hsCode, value: fc.integer({ min: 0, max: 3_000_000 }) }), { maxLength: 5 }),
  })
  .map((g) =>
    input({
      declaration: declaration({ regime: g.regime, transport: { mode: g.mode, dispatchCountry: g.dispatchCountry, containers: [] }, items: g.items.map((i) => item(i)) }),
      itemValues: g.items.map((_, index) => g.values[index] ?? 0),
      importerRisk: record(g.importer),
      declarantRisk: record(g.declarant),
      recentDeclarations: g.recent,
    }),
  );

/** A draw at or above one half: above every generated random rate and the blue share. */
const highDraw = fc.double({ min: 0.5, max: 0.999_999, noNaN: true });

describe('selectivity properties', () => {
  it('every generated profile is accepted by the profile schema: the TypeScript type and the JSON Schema agree', () => {
    fc.assert(
      fc.property(profiles, (generated) => {
        expect(readRiskProfiles(JSON.parse(JSON.stringify(generated)))).toEqual(generated);
      }),
    );
  });

  it('adding a profile never lowers the score or the channel, and adds exactly its score when it hits', () => {
    fc.assert(
      fc.property(anyInput, profiles, profileAt(99), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (declared, base, extra, draw) => {
        const before = selectChannel(declared, base, settings, () => draw);
        const after = selectChannel(declared, [...base, extra], settings, () => draw);
        const extraHit = after.hits.some((h) => h.profileId === extra.id);
        expect(after.score).toBe(before.score + (extraHit ? extra.score : 0));
        expect(SEVERITY[after.channel]).toBeGreaterThanOrEqual(SEVERITY[before.channel]);
      }),
    );
  });

  it('a declaration on which no profile hits, with every draw above every rate, is green', () => {
    let withoutHits = 0;
    fc.assert(
      fc.property(anyInput, profiles, highDraw, (declared, generated, draw) => {
        const decision = selectChannel(declared, generated, settings, () => draw);
        if (decision.hits.length > 0) return;
        withoutHits += 1;
        expect(decision).toMatchObject({ channel: 'green', score: 0, randomlySelected: false });
        expect(decision.explanation[0]).toEqual({ key: 'customs.risk.no_hit', params: {} });
      }),
      { numRuns: 300 },
    );
    expect(withoutHits).toBeGreaterThan(20);
  });

  it('explains every decision: each hit, each profile that hit, the channel, readable in every language', () => {
    fc.assert(
      fc.property(anyInput, profiles, fc.double({ min: 0, max: 0.999_999, noNaN: true }), (declared, generated, draw) => {
        const decision = selectChannel(declared, generated, settings, () => draw);
        const hitProfiles = [...new Set(decision.hits.map((h) => h.profileId))];
        expect(decision.explanation.filter((p) => p.key === 'customs.risk.profile_hit').map((p) => p.params.profile)).toEqual(hitProfiles);
        expect(decision.score).toBe(generated.filter((p) => hitProfiles.includes(p.id)).reduce((sum, p) => sum + p.score, 0));
        for (const hit of decision.hits) expect(hit.explanation.params.profile).toBe(hit.profileId);
        expect(decision.explanation.at(-1)?.key).toBe(`customs.risk.channel.${decision.channel}`);
        expectReadable([...decision.explanation, ...decision.hits.map((h) => h.explanation)]);
      }),
    );
  });
});
