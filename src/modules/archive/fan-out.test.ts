import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fanOut } from './fan-out.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const chunksOf = (...texts: string[]) => texts.map((t) => Buffer.from(t));

async function readAll(reader: AsyncIterable<Uint8Array>, delayMs = 0): Promise<string> {
  let text = '';
  for await (const chunk of reader) {
    text += Buffer.from(chunk).toString();
    if (delayMs) await pause(delayMs);
  }
  return text;
}

describe('one read of a content feeding two writes', () => {
  it('gives every chunk to both readers, in order, however unequal their pace', async () => {
    const [fast, slow] = fanOut(Readable.from(chunksOf('ab', 'cd', 'ef', 'gh')), 2);
    expect(await Promise.all([readAll(fast!), readAll(slow!, 5)])).toEqual(['abcdefgh', 'abcdefgh']);
  });

  it('reads the source only one chunk ahead of the slowest reader', async () => {
    let read = 0;
    async function* counted() {
      for (const chunk of chunksOf('1', '2', '3', '4', '5', '6')) {
        read += 1;
        yield chunk;
      }
    }
    const [a, b] = fanOut(counted(), 2);
    const iterator = a![Symbol.asyncIterator]();
    await iterator.next();
    // The first reader cannot run ahead while the second has taken nothing.
    const waiting = iterator.next();
    await pause(10);
    expect(read).toBe(1);
    await b![Symbol.asyncIterator]().next();
    await waiting;
    expect(read).toBe(2);
  });

  it('lets a reader go when its write fails, and the other reads to the end', async () => {
    const [failing, going] = fanOut(Readable.from(chunksOf('ab', 'cd', 'ef')), 2);
    const failed = (async () => {
      for await (const _chunk of failing!) throw new Error('disk full');
    })();
    await expect(failed).rejects.toThrow('disk full');
    expect(await readAll(going!)).toBe('abcdef');
  });

  it('lets a reader go that is destroyed before it reads', async () => {
    const [unread, read] = fanOut(Readable.from(chunksOf('ab', 'cd')), 2);
    unread!.destroy();
    expect(await readAll(read!)).toBe('abcd');
  });

  it("hands the source's error to every reader", async () => {
    const source = new Readable({ read() {} });
    const [a, b] = fanOut(source, 2);
    source.push(Buffer.from('ab'));
    setTimeout(() => source.destroy(new Error('blob unreadable')), 10);
    const outcomes = await Promise.allSettled([readAll(a!), readAll(b!)]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))).toEqual(['blob unreadable', 'blob unreadable']);
  });

  it('lets the source go once every reader has stopped', async () => {
    const source = Readable.from(chunksOf('ab', 'cd', 'ef'));
    const [a, b] = fanOut(source, 2);
    await a![Symbol.asyncIterator]().next();
    a!.destroy();
    expect(source.destroyed).toBe(false);
    b!.destroy();
    await pause(5);
    expect(source.destroyed).toBe(true);
  });
});
