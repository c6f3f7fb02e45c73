export interface Cached<T> {
  get(): Promise<T>;
  invalidate(): void;
}

/**
 * A value loaded at most once per `ttlMs` (and at once after `invalidate`); callers in the meantime
 * share the load under way. A failed load is forgotten, so the next call tries again.
 */
export function cachedFor<T>(ttlMs: number, load: () => Promise<T>): Cached<T> {
  let current: { value: Promise<T>; loadedAt: number } | undefined;
  return {
    get() {
      if (!current || Date.now() - current.loadedAt >= ttlMs) {
        const value = load();
        const entry = { value, loadedAt: Date.now() };
        current = entry;
        value.catch(() => {
          if (current === entry) current = undefined;
        });
      }
      return current.value;
    },
    invalidate() {
      current = undefined;
    },
  };
}
