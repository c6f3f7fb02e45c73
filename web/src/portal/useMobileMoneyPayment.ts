import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { attemptFor, newIdempotencyKey, paymentPaths, phoneNumber, type PaymentAttempt, type PaymentIntentView } from '../applications/payments';
import { useSubmission } from '../forms/useSubmission';
import { useSession } from '../session/SessionContext';

export interface MobileMoneyOutcomes {
  onStarted(intent: PaymentIntentView): void;
  /** The operator took the money at once. */
  onSucceeded(intent: PaymentIntentView): void;
  /** Paid meanwhile (at the desk, from another device): the server's message names the receipt. */
  onAlreadyPaid(message: string): void;
}

/**
 * Asking the operator to prompt a phone, for a file's fee or a declaration's duties: the typed
 * number, its check, and one idempotency key per attempt kept across retries, so a lost answer
 * never becomes a second payment.
 */
export function useMobileMoneyPayment(subject: { applicationId: string } | { declarationId: string }, lastFailure: PaymentIntentView | null, outcomes: MobileMoneyOutcomes) {
  const { request } = useSession();
  const [typed, setTyped] = useState(lastFailure?.phone ?? '');
  const [invalid, setInvalid] = useState(false);
  const { pending, error, setError, run } = useSubmission();
  const attempt = useRef<PaymentAttempt | null>(null);

  function pay(event: FormEvent) {
    event.preventDefault();
    const phone = phoneNumber(typed);
    setInvalid(phone === null);
    if (phone === null) return;
    const body = { ...subject, provider: 'mobile_money', phone };
    const current = attemptFor(attempt.current, body, newIdempotencyKey);
    attempt.current = current;
    void run(
      async () => {
        const intent = await request<PaymentIntentView>(paymentPaths.intents, { method: 'POST', body, headers: { 'Idempotency-Key': current.key } });
        // Answered: the next attempt (after a refusal by the operator) is a new one.
        attempt.current = null;
        if (intent.state === 'succeeded') outcomes.onSucceeded(intent);
        else outcomes.onStarted(intent);
      },
      (failure) => {
        if (failure instanceof ApiError && failure.code === 'fee_already_paid') outcomes.onAlreadyPaid(failure.message);
        else setError(failure);
      },
    );
  }

  const type = (value: string) => {
    setTyped(value);
    setInvalid(false);
  };
  return { typed, type, invalid, pending, error, pay };
}
