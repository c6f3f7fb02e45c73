import { randomBytes } from 'node:crypto';

/**
 * The simulated mobile-money operator's books: collections it prompts the payer for, their
 * outcome, refunds, and the daily statement. How it behaves is told by the payer's number (its
 * last four digits), so a test or a demo picks a fault by typing a phone number.
 */
export type Behaviour = 'normal' | 'declines' | 'silent' | 'duplicates' | 'replays' | 'slow';

export const BEHAVIOURS: Record<string, Behaviour> = {
  '0001': 'declines', // refused at once (insufficient funds): a FAILED callback, no prompt
  '0002': 'silent', // prompts, but never calls back: only a status query learns the outcome
  '0003': 'duplicates', // calls back twice, each with its own event id
  '0004': 'replays', // calls back, then sends the very same signed request again
  '0005': 'slow', // answers the collection request after the platform has given up waiting
};

export const behaviourOf = (msisdn: string): Behaviour => BEHAVIOURS[msisdn.slice(-4)] ?? 'normal';

export type CollectionStatus = 'PENDING' | 'SUCCESSFUL' | 'FAILED';

export interface Collection {
  transactionId: string;
  merchantReference: string;
  msisdn: string;
  amount: number;
  currency: string;
  description: string;
  status: CollectionStatus;
  reason: string | null;
  createdAt: Date;
  completedAt: Date | null;
  refund: { refundId: string; reason: string; refundedAt: Date } | null;
}

export interface CollectionRequest {
  merchantReference: string;
  msisdn: string;
  amount: number;
  currency: string;
  description: string;
}

export interface OperatorOptions {
  /** Called when a collection reaches its outcome; the server turns it into callbacks. */
  completed(collection: Collection, behaviour: Behaviour): void;
  /** A prompt nobody answers expires after this long (real operators: a few minutes). */
  promptTtlMs: number;
  now?: () => Date;
}

const newId = (prefix: string) => `${prefix}${randomBytes(6).toString('hex').toUpperCase()}`;

export function createOperator(options: OperatorOptions) {
  const now = options.now ?? (() => new Date());
  const byId = new Map<string, Collection>();
  const byMerchantReference = new Map<string, Collection>();

  function complete(collection: Collection, status: 'SUCCESSFUL' | 'FAILED', reason: string | null) {
    collection.status = status;
    collection.reason = reason;
    collection.completedAt = now();
    options.completed(collection, behaviourOf(collection.msisdn));
  }

  /** Prompts left unanswered past their time fail, as the operator's USSD session would. */
  function expirePrompts() {
    for (const collection of byId.values()) {
      if (collection.status === 'PENDING' && now().getTime() - collection.createdAt.getTime() > options.promptTtlMs) complete(collection, 'FAILED', 'expired');
    }
  }

  return {
    /** Idempotent on the merchant's reference: asking twice prompts the payer once. */
    collect(request: CollectionRequest): Collection {
      const known = byMerchantReference.get(request.merchantReference);
      if (known) return known;
      const collection: Collection = { ...request, transactionId: newId('MP'), status: 'PENDING', reason: null, createdAt: now(), completedAt: null, refund: null };
      byId.set(collection.transactionId, collection);
      byMerchantReference.set(collection.merchantReference, collection);
      if (behaviourOf(request.msisdn) === 'declines') complete(collection, 'FAILED', 'insufficient_funds');
      return collection;
    },

    /** The payer's answer on the phone. */
    answer(transactionId: string, msisdn: string, confirm: boolean): Collection | null {
      expirePrompts();
      const collection = byId.get(transactionId);
      if (!collection || collection.msisdn !== msisdn || collection.status !== 'PENDING') return null;
      complete(collection, confirm ? 'SUCCESSFUL' : 'FAILED', confirm ? null : 'declined_by_payer');
      return collection;
    },

    byMerchantReference(reference: string): Collection | null {
      expirePrompts();
      return byMerchantReference.get(reference) ?? null;
    },

    /** Gives a successful collection's money back, once; asking again returns the same refund. */
    refund(transactionId: string, reason: string): Collection | null {
      const collection = byId.get(transactionId);
      if (!collection || collection.status !== 'SUCCESSFUL') return null;
      collection.refund ??= { refundId: newId('RF'), reason, refundedAt: now() };
      return collection;
    },

    /** What the payer's phone shows: prompts waiting first, then the latest outcomes. */
    phone(msisdn: string): Collection[] {
      expirePrompts();
      return [...byId.values()]
        .filter((c) => c.msisdn === msisdn)
        .sort((a, b) => Number(b.status === 'PENDING') - Number(a.status === 'PENDING') || b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, 20);
    },

    /** Successful collections completed on `day` (UTC), as the operator settles them. */
    statement(day: string): Collection[] {
      return [...byId.values()]
        .filter((c) => c.status === 'SUCCESSFUL' && c.completedAt?.toISOString().slice(0, 10) === day)
        .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime());
    },

    expirePrompts,
  };
}

export type Operator = ReturnType<typeof createOperator>;
