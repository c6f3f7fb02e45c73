import { useCallback, useEffect, useRef, useState } from 'react';
import { isSettled, nextPollDelay, operatorSilenceMs, paymentPaths, type PaymentIntentView } from '../applications/payments';
import { useSession } from '../session/SessionContext';

export interface IntentWatch {
  intent: PaymentIntentView;
  /** The operator has not answered for a while: the page says so rather than spin forever. */
  silent: boolean;
  /** The last reading failed (the network, say); the watch goes on. */
  error: unknown;
  checkNow(): void;
}

/**
 * Reads a pending payment intent until the operator's answer settles it. The platform learns the
 * answer from the operator's callback, or from its own status query when none comes (issue 4):
 * the page only reads what the platform knows, and never decides a payment failed by itself.
 */
export function useIntentWatch(initial: PaymentIntentView): IntentWatch {
  const { request } = useSession();
  const [intent, setIntent] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [silent, setSilent] = useState(false);
  const [nudge, setNudge] = useState(0);
  const attempts = useRef(0);
  const startedAt = useRef(Date.parse(initial.createdAt) || Date.now());
  const settled = isSettled(intent.state);

  useEffect(() => {
    if (settled) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const next = await request<PaymentIntentView>(paymentPaths.intent(initial.id));
        if (stopped) return;
        setIntent(next);
        setError(null);
      } catch (failure) {
        if (!stopped) setError(failure);
      }
      if (stopped) return;
      attempts.current += 1;
      setSilent(Date.now() - startedAt.current > operatorSilenceMs);
      setNudge((count) => count + 1);
    }, nudge === 0 ? 0 : nextPollDelay(attempts.current));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // `nudge` schedules the next reading once the last one is in.
  }, [request, initial.id, settled, nudge]);

  const checkNow = useCallback(() => {
    attempts.current = 0;
    setNudge(0);
  }, []);

  return { intent, silent, error, checkNow };
}
