import { useCallback, useEffect, useState } from 'react';
import { followUpDelay } from './dutyPayment';

export interface FollowUp {
  /** The readings stopped without seeing the change: the page says so and offers to check. */
  gaveUp: boolean;
  /** Reads again now, and follows up as at first. */
  again(): void;
}

/**
 * Reads something again while `active`, at the pace of `followUpDelay`, for a change the platform
 * makes by itself shortly (the release from the outbox, the release note it issues). Each reading
 * is scheduled once the last one is in, so a slow server is never asked twice at once.
 */
export function useFollowUp(active: boolean, read: () => Promise<void>, { immediate = false } = {}): FollowUp {
  const [attempt, setAttempt] = useState(0);
  const delay = attempt === 0 && immediate ? 0 : followUpDelay(attempt);

  useEffect(() => {
    if (!active || delay === null) return;
    let stopped = false;
    const timer = setTimeout(() => {
      void read().finally(() => {
        if (!stopped) setAttempt((count) => count + 1);
      });
    }, delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // `attempt` schedules the next reading once the last one is in.
  }, [active, delay, read, attempt]);

  const again = useCallback(() => {
    void read();
    setAttempt(1);
  }, [read]);

  return { gaveUp: active && delay === null, again };
}
