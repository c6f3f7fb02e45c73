import { useCallback, useEffect, useRef, useState } from 'react';

export type DraftStatus = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

/**
 * Saves a draft as it is typed: `change` queues the latest data and saves it `delayMs` after the
 * last change; `flush` saves what is queued now and waits for every save under way (before a
 * submission reads the stored data). Saves run one after another, so an older one never lands
 * after a newer one. A failed save keeps its data queued for the next try.
 */
export function useDraftSaver(save: (data: Record<string, unknown>) => Promise<void>, delayMs = 800) {
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [error, setError] = useState<unknown>(null);
  const queued = useRef<Record<string, unknown> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback((): Promise<void> => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const data = queued.current;
    if (data === null) return chain.current;
    queued.current = null;
    setStatus('saving');
    const attempt = chain.current.catch(() => undefined).then(() => saveRef.current(data));
    chain.current = attempt;
    attempt.then(
      () => {
        if (queued.current === null) {
          setStatus('saved');
          setError(null);
        }
      },
      (failure: unknown) => {
        queued.current ??= data;
        setStatus('failed');
        setError(failure);
      },
    );
    return attempt;
  }, []);

  const change = useCallback(
    (data: Record<string, unknown>) => {
      queued.current = data;
      setStatus('unsaved');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush().catch(() => undefined), delayMs);
    },
    [flush, delayMs],
  );

  // Leaving the page keeps what was typed.
  useEffect(() => () => void flush().catch(() => undefined), [flush]);

  return { status, error, change, flush };
}
