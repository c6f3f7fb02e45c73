import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { selectChannel } from './select-channel.ts';
import type { RiskProfile } from './profile-schema.ts';
import { expectReadable, input, neverDrawn, profile, sequence, settings } from './test-fixtures.ts';
import type { RandomSource } from './types.ts';

const rice = (id: string, score: number, extra: Partial<RiskProfile> = {}) => profile({ id, score, criteria: [{ kind: 'hs_prefix', prefixes: ['1006'] }], ...extra });
const decide = (profiles: RiskProfile[], random: RandomSource = neverDrawn) => {
  const decision = selectChannel(input(), profiles, settings, random);
  expectReadable(decision.explanation);
  return decision;
};
const keys = (decision: ReturnType<typeof decide>) => decision.explanation.map((p) => p.key);

describe('channel by score', () => {
  it('adds the scores of the profiles that hit and compares the sum with the thresholds, each threshold included', () => {
    expect(decide([rice('a', 39)])).toMatchObject({ channel: 'green', score: 39 });
    expect(decide([rice('a', 40)])).toMatchObject({ channel: 'yellow', score: 40 });
    expect(decide([rice('a', 40), rice('b', 39)])).toMatchObject({ channel: 'yellow', score: 79 });
    expect(decide([rice('a', 40), rice('b', 40)])).toMatchObject({ channel: 'red', score: 80 });
  });

  it('explains each profile that hit, the score against the thresholds, and the channel', () => {
    const decision = decide([rice('a', 40), rice('b', 40)]);
    expect(decision.explanation).toEqual([
      { key: 'customs.risk.profile_hit', params: { profile: 'a', score: 40 } },
      { key: 'customs.risk.profile_hit', params: { profile: 'b', score: 40 } },
      { key: 'customs.risk.score', params: { score: 80, yellow: 40, red: 80 } },
      { key: 'customs.risk.channel.red', params: {} },
    ]);
  });

  it('says that nothing hit and that the declaration was not drawn', () => {
    const decision = decide([profile({ criteria: [{ kind: 'hs_prefix', prefixes: ['2402'] }] })], sequence(0.3));
    expect(decision).toMatchObject({ channel: 'green', score: 0, hits: [], randomlySelected: false });
    expect(decision.explanation).toEqual([
      { key: 'customs.risk.no_hit', params: {} },
      { key: 'customs.risk.score', params: { score: 0, yellow: 40, red: 80 } },
      { key: 'customs.risk.blue_not_drawn', params: { percent: '5', draw: 0.3 } },
      { key: 'customs.risk.channel.green', params: {} },
    ]);
  });
});

describe('profiles in force', () => {
  it('skips inactive profiles and those outside their validity, both ends included', () => {
    expect(decide([rice('off', 90, { active: false })]).channel).toBe('green');
    expect(decide([rice('later', 90, { validFrom: '2026-11-24' })]).channel).toBe('green');
    expect(decide([rice('ended', 90, { validTo: '2026-11-22' })]).channel).toBe('green');
    expect(decide([rice('first-day', 90, { validFrom: '2026-11-23' })]).channel).toBe('red');
    expect(decide([rice('last-day', 90, { validTo: '2026-11-23' })]).channel).toBe('red');
  });
});

describe('forced channels', () => {
  it('a profile forcing red sends the declaration red whatever the score', () => {
    const decision = decide([rice('cigarettes-like', 0, { channel: 'red' })]);
    expect(decision).toMatchObject({ channel: 'red', score: 0 });
    expect(decision.explanation).toContainEqual({ key: 'customs.risk.forced', params: { profile: 'cigarettes-like', channel: 'red' } });
  });

  it('a forced channel raises the channel of the score but never lowers it', () => {
    expect(decide([rice('a', 80), rice('b', 0, { channel: 'yellow' })]).channel).toBe('red');
    expect(decide([rice('a', 40), rice('b', 0, { channel: 'blue' })]).channel).toBe('yellow');
    expect(decide([rice('a', 10), rice('b', 0, { channel: 'yellow' })]).channel).toBe('yellow');
  });

  it('a profile forcing blue sends a green declaration to blue without a draw', () => {
    const decision = decide([rice('audit', 0, { channel: 'blue' })], sequence());
    expect(decision).toMatchObject({ channel: 'blue', randomlySelected: false });
    expect(keys(decision).at(-1)).toBe('customs.risk.channel.blue');
  });
});

describe('blue: release then post-clearance audit', () => {
  it('draws a green declaration for blue when the draw is below the configured share', () => {
    const decision = decide([], sequence(0.0499));
    expect(decision).toMatchObject({ channel: 'blue', randomlySelected: true, hits: [] });
    expect(decision.explanation).toContainEqual({ key: 'customs.risk.blue_drawn', params: { percent: '5', draw: 0.0499 } });
  });

  it('leaves it green on a draw at the share, and never draws a yellow or red declaration', () => {
    expect(decide([], sequence(0.05)).channel).toBe('green');
    expect(decide([rice('a', 40)], sequence()).channel).toBe('yellow');
    expect(selectChannel(input(), [], { ...settings, blueShareOfGreen: 0 }, sequence(0)).channel).toBe('green');
  });
});

describe('random selection', () => {
  const randomYellow = profile({ id: 'random-yellow', score: 0, channel: 'yellow', criteria: [{ kind: 'random', rate: 0.05 }] });

  it('is deterministic for a given source: the same draws give the same decision', () => {
    const draws = [0.01, 0.7];
    expect(decide([randomYellow, rice('a', 10)], sequence(...draws))).toEqual(decide([randomYellow, rice('a', 10)], sequence(...draws)));
  });

  it('draws once per random criterion, in the order of the profiles, even when its profile misses on another criterion', () => {
    const randomOnCigarettes = profile({ id: 'random-cigarettes', score: 0, channel: 'red', criteria: [{ kind: 'hs_prefix', prefixes: ['2402'] }, { kind: 'random', rate: 0.5 }] });
    const decision = decide([randomOnCigarettes, randomYellow], sequence(0.1, 0.02));
    expect(decision).toMatchObject({ channel: 'yellow', randomlySelected: true });
    expect(decision.hits.map((h) => h.profileId)).toEqual(['random-yellow']);
  });
});

describe('inputs', () => {
  it('refuses item values that do not match the items', () => {
    expect(() => selectChannel(input({ itemValues: [] }), [], settings, neverDrawn)).toThrow(AppError);
    const refusal = (() => {
      try {
        return selectChannel(input({ itemValues: [1, 2] }), [], settings, neverDrawn);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ status: 422, code: 'risk_item_values_mismatch', params: { items: 1, values: 2 } });
  });
});
