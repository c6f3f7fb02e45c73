import { describe, expect, it } from 'vitest';
import { convertCarried, declarationRequired } from './currency-conversion.ts';

describe('cash carried across the border, in national currency', () => {
  it('converts each currency at its rate, rounds each line half up to the franc, and adds the lines', () => {
    const conversion = convertCarried(
      [{ currency: 'EUR', amount: '7500' }, { currency: 'USD', amount: '350.50' }],
      { EUR: '655.957', USD: '562.35' },
    );
    // 7500 × 655.957 = 4,919,677.5 → 4,919,678; 350.50 × 562.35 = 197,103.675 → 197,104.
    expect(conversion.lines.map((l) => l.national)).toEqual([4_919_678, 197_104]);
    expect(conversion.totalNational).toBe(5_116_782);
    expect(declarationRequired(conversion, 5_000_000)).toBe(true);
    expect(declarationRequired(conversion, 5_116_783)).toBe(false);
    expect(declarationRequired(conversion, 5_116_782)).toBe(true);
  });
});
