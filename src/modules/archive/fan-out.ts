/** One reader of a fanned-out source: an async iterable of its chunks that can be let go unread. */
export interface FannedOut extends AsyncIterable<Uint8Array> {
  /** Stops reading (what a store calls on its source when it fails before reading it). */
  destroy(): void;
}

/**
 * Hands every chunk of `source` to `count` readers, so one read of a content feeds several writes
 * (the ingest writes both roots at once). The source is read as fast as the slowest reader takes
 * its chunks, one chunk ahead at most; a reader that stops (its write failed) is let go and the
 * others go on; an error of the source reaches every reader; once every reader has stopped, the
 * source is let go too.
 */
export function fanOut(source: AsyncIterable<Uint8Array>, count: number): FannedOut[] {
  const chunks = source[Symbol.asyncIterator]();
  /** The chunk every live reader takes in this round, read when the first of them asks. */
  let current: Promise<IteratorResult<Uint8Array>> | undefined;
  let round = 0;
  let live = count;
  /** Live readers that have not taken this round's chunk. */
  let owing = count;
  let nextRound = Promise.withResolvers<void>();

  function endRound() {
    round += 1;
    current = undefined;
    owing = live;
    nextRound.resolve();
    nextRound = Promise.withResolvers<void>();
  }

  function leave(owed: boolean) {
    live -= 1;
    if (live === 0) {
      void chunks.return?.();
      return;
    }
    if (owed) {
      owing -= 1;
      if (owing === 0) endRound();
    }
  }

  return Array.from({ length: count }, (): FannedOut => {
    /** Rounds this reader has taken. */
    let taken = 0;
    let gone = false;
    const stop = () => {
      if (gone) return;
      gone = true;
      leave(taken === round);
    };
    return {
      destroy: stop,
      [Symbol.asyncIterator]: () => ({
        async next(): Promise<IteratorResult<Uint8Array>> {
          if (gone) return { done: true, value: undefined };
          // Ahead of the others: wait for the slowest to take the chunk in hand.
          while (taken > round) await nextRound.promise;
          current ??= chunks.next();
          const result = await current;
          taken += 1;
          owing -= 1;
          if (owing === 0) endRound();
          if (result.done) gone = true;
          return result;
        },
        async return(): Promise<IteratorResult<Uint8Array>> {
          stop();
          return { done: true, value: undefined };
        },
      }),
    };
  });
}
