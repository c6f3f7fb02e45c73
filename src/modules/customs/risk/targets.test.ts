import { describe, expect, it } from 'vitest';
import { channelRates, compareToTargets } from './targets.ts';

describe('target rates per channel', () => {
  const month = { green: 620, yellow: 230, red: 110, blue: 40 };

  it('gives each channel its count and share of the total', () => {
    expect(channelRates(month)).toEqual([
      { channel: 'green', count: 620, share: 0.62 },
      { channel: 'yellow', count: 230, share: 0.23 },
      { channel: 'red', count: 110, share: 0.11 },
      { channel: 'blue', count: 40, share: 0.04 },
    ]);
    expect(channelRates({ green: 0, yellow: 0, red: 0, blue: 0 }).map((r) => r.share)).toEqual([0, 0, 0, 0]);
  });

  it('says which channel is over its ceiling or under its floor, and by how much', () => {
    const comparison = compareToTargets(month, { green: { atLeast: 0.7 }, yellow: { atMost: 0.2 }, red: { atMost: 0.11 } });
    expect(comparison.map(({ channel, status }) => [channel, status])).toEqual([
      ['green', 'under'],
      ['yellow', 'over'],
      ['red', 'within'],
      ['blue', 'within'],
    ]);
    expect(comparison[0]?.gap).toBeCloseTo(0.08, 10);
    expect(comparison[1]).toMatchObject({ target: { atMost: 0.2 }, share: 0.23 });
    expect(comparison[1]?.gap).toBeCloseTo(0.03, 10);
    expect(comparison[2]).toMatchObject({ gap: 0, target: { atMost: 0.11 } });
    expect(comparison[3]).not.toHaveProperty('target');
  });
});
