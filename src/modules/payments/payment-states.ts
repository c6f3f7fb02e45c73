/**
 * The life of a payment intent, as a pure function. The service applies a transition with an SQL
 * guard on the `from` state (`update … where state = from`), so two deliveries of the same news —
 * a duplicated callback, a status query racing a callback — find at most one row to move, and
 * only the winner posts to the ledger.
 */
export const PAYMENT_STATES = ['pending', 'succeeded', 'failed', 'refund_pending', 'refunded'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export type PaymentNews =
  /** The provider took the money; `feeDue` says whether the file still waits for it. */
  | { kind: 'paid'; feeDue: boolean }
  /** The provider says the payment did not happen (declined, expired, refused). */
  | { kind: 'failed' }
  | { kind: 'refund_requested' }
  /** The provider gave the money back. */
  | { kind: 'refund_confirmed' };

/** What the ledger records when a transition happens. */
export type Posting = 'credit_fee' | 'credit_unallocated' | 'reverse_credit' | null;

export interface Transition {
  from: PaymentState;
  to: PaymentState;
  post: Posting;
}

export function transition(state: PaymentState, news: PaymentNews): Transition | null {
  switch (news.kind) {
    case 'paid':
      if (state !== 'pending') return null;
      // Money for a fee no longer due (paid meanwhile at the desk, file withdrawn) is held apart and
      // given back: it is never credited to an agency's revenue.
      return news.feeDue ? { from: state, to: 'succeeded', post: 'credit_fee' } : { from: state, to: 'refund_pending', post: 'credit_unallocated' };
    case 'failed':
      return state === 'pending' ? { from: state, to: 'failed', post: null } : null;
    case 'refund_requested':
      return state === 'succeeded' ? { from: state, to: 'refund_pending', post: null } : null;
    case 'refund_confirmed':
      return state === 'refund_pending' ? { from: state, to: 'refunded', post: 'reverse_credit' } : null;
  }
}
