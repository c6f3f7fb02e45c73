import { useCallback, useState } from 'react';

/**
 * The pending flag and the error of a form's request: `run` clears the last error, disables the
 * form while the action runs, and hands a failure to `onFailure` (by default, keeps it as `error`).
 */
export function useSubmission() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>, onFailure: (failure: unknown) => void = setError) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      onFailure(failure);
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, setError, run };
}
