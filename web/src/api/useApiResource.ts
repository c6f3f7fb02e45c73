import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../session/SessionContext';

export interface ApiResource<T> {
  /** The last answer received; kept while a reload is under way or after it failed. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
}

/** Reads `path` now and whenever it changes; a late answer to an older path is dropped. */
export function useApiResource<T>(path: string): ApiResource<T> {
  const { request } = useSession();
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await request<T>(path);
      if (ticket === latest.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (ticket === latest.current) setState((previous) => ({ ...previous, error, loading: false }));
    }
  }, [request, path]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload };
}
