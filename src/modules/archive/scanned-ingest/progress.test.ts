import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressStep, throttledProgress } from './progress.ts';

describe('OCR progress written in tenths', () => {
  it('writes each tenth once, in order, whatever the steps tesseract reports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 200 }), async (fractions) => {
        const writes: number[] = [];
        const progress = throttledProgress(async (value) => void writes.push(value), () => undefined);
        for (const fraction of [...fractions].sort((a, b) => a - b)) progress.report(fraction);
        await progress.flush();
        expect(writes).toEqual([...new Set(writes)].sort((a, b) => a - b));
        expect(writes.length).toBeLessThanOrEqual(10);
        const last = fractions.length ? Math.max(...fractions) : 0;
        expect(writes.at(-1) ?? 0).toBe(progressStep(last) / 10);
      }),
    );
  });

  it('keeps writing after a failed write', async () => {
    const writes: number[] = [];
    const errors: unknown[] = [];
    const progress = throttledProgress(async (value) => {
      if (value === 0.2) throw new Error('database unavailable');
      writes.push(value);
    }, (error) => errors.push(error));
    for (const fraction of [0.1, 0.25, 0.31, 1]) progress.report(fraction);
    await progress.flush();
    expect(writes).toEqual([0.1, 0.3, 1]);
    expect(errors).toHaveLength(1);
  });

  it('counts a fraction just under a tenth as the tenth before', () => {
    expect([0, 0.0999, 0.1, 0.5, 0.99, 1, 1.2, -1].map(progressStep)).toEqual([0, 0, 1, 5, 9, 10, 10, 0]);
  });
});
