import { describe, expect, it } from 'vitest';
import { inParallel } from './parallel.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('working on items two at a time', () => {
  it('keeps the order of the items in the results', async () => {
    expect(await inParallel([30, 5, 20, 1], 2, async (ms) => (await pause(ms), ms * 2))).toEqual([60, 10, 40, 2]);
  });

  it('after a failure starts nothing new, and fails only once the work under way has finished', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = inParallel([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('killed');
      await pause(30);
      finished.push(n);
    });
    await expect(run).rejects.toThrow('killed');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([2]);
  });
});
