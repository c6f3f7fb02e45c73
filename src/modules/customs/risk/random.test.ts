import { describe, expect, it } from 'vitest';
import { cryptoRandom } from './random.ts';

describe('the production random source', () => {
  it('draws in [0, 1), spread over the interval', () => {
    const draws = Array.from({ length: 10_000 }, cryptoRandom);
    for (const draw of draws) expect(draw >= 0 && draw < 1).toBe(true);
    const belowFivePercent = draws.filter((d) => d < 0.05).length;
    // 5 % of 10,000 is 500, standard deviation about 22: ±150 is far beyond any honest draw.
    expect(belowFivePercent).toBeGreaterThan(350);
    expect(belowFivePercent).toBeLessThan(650);
  });
});
