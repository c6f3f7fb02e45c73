import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../session/SessionContext';
import { olderPath } from './console';
import type { Page } from './types';

export interface KeysetList<T> {
  /** Every row loaded so far, newest first; null until the first page arrives. */
  items: T[] | null;
  hasOlder: boolean;
  /** How many rows the last "older" load added, and where they start: to announce them and move the focus there. */
  added: { count: number; from: number } | null;
  loading: boolean;
  error: unknown;
  reload(): Promise<void>;
  loadOlder(): Promise<void>;
}

/**
 * A list read page by page from an API that answers `{ items, nextBefore }`: the first page for
 * `path`, then older ones appended below; a new `path` starts over, and a late answer to an old
 * one is dropped.
 */
export function useKeysetList<T, K extends string | number>(path: string): KeysetList<T> {
  const { request } = useSession();
  const [state, setState] = useState<{ items: T[] | null; nextBefore: K | null; added: KeysetList<T>['added']; loading: boolean; error: unknown }>({
    items: null,
    nextBefore: null,
    added: null,
    loading: true,
    error: null,
  });
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const page = await request<Page<T, K>>(path);
      if (ticket === latest.current) setState({ items: page.items, nextBefore: page.nextBefore, added: null, loading: false, error: null });
    } catch (error) {
      if (ticket === latest.current) setState((previous) => ({ ...previous, loading: false, error }));
    }
  }, [request, path]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function loadOlder() {
    const { items, nextBefore } = state;
    if (items === null || nextBefore === null) return;
    const ticket = latest.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const page = await request<Page<T, K>>(olderPath(path, nextBefore));
      if (ticket !== latest.current) return;
      setState({ items: [...items, ...page.items], nextBefore: page.nextBefore, added: { count: page.items.length, from: items.length }, loading: false, error: null });
    } catch (error) {
      if (ticket === latest.current) setState((previous) => ({ ...previous, loading: false, error }));
    }
  }

  return { items: state.items, hasOlder: state.nextBefore !== null, added: state.added, loading: state.loading, error: state.error, reload, loadOlder };
}
