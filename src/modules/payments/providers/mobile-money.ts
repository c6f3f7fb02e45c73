import { AppError } from '../../../platform/http/errors.ts';
import type { CallbackRequest, PaymentProvider, ProviderNotification, ProviderStatus } from './provider.ts';
import { checkSignature, requestMessage, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts';

export interface MobileMoneySettings {
  /** The operator's API, e.g. http://127.0.0.1:3100 for the demo's simulator. */
  url: string;
  secret: string;
  /** How long to wait for any answer; past it the outcome is unknown, not failed. */
  timeoutMs: number;
}

/** The operator's view of a collection (docs/payments.md, "The operator's API"). */
interface Collection {
  transactionId: string;
  merchantReference: string;
  status: 'PENDING' | 'SUCCESSFUL' | 'FAILED';
  amount: number;
  currency: string;
  reason: string | null;
  completedAt: string | null;
}

const header = (headers: CallbackRequest['headers'], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The adapter for a mobile-money operator speaking the simulator's protocol, over real HTTP. */
export function mobileMoneyProvider(settings: MobileMoneySettings, now: () => number = Date.now): PaymentProvider {
  const base = settings.url.replace(/\/$/, '');

  /** One signed call; null when the operator did not answer in time (or at all). */
  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: unknown } | null> {
    const text = body === undefined ? '' : JSON.stringify(body);
    try {
      const response = await fetch(base + path, {
        method,
        headers: { ...signedHeaders(settings.secret, requestMessage(method, path, text), now()), ...(text ? { 'content-type': 'application/json' } : {}) },
        body: text || undefined,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      const raw = await response.text();
      let json: unknown = null;
      try {
        json = raw ? JSON.parse(raw) : null;
      } catch {
        // an answer that is not JSON carries only its status
      }
      return { status: response.status, json };
    } catch {
      return null;
    }
  }

  return {
    id: 'mobile_money',

    async initiate(request) {
      const answer = await call('POST', '/v1/collections', {
        merchantReference: request.paymentId,
        msisdn: request.payerAccount,
        amount: request.amount,
        currency: request.currency,
        description: request.description,
      });
      if (!answer || answer.status >= 500) return { outcome: 'unknown' };
      const collection = answer.json as Collection | null;
      if (answer.status >= 400 || !collection?.transactionId) return { outcome: 'refused', reason: `operator_${answer.status}` };
      if (collection.status === 'FAILED') return { outcome: 'refused', reason: collection.reason ?? 'refused_by_operator' };
      return { outcome: 'accepted', providerReference: collection.transactionId };
    },

    authenticateCallback({ headers, rawBody }): ProviderNotification {
      const check = checkSignature(settings.secret, { timestamp: header(headers, TIMESTAMP_HEADER), signature: header(headers, SIGNATURE_HEADER) }, rawBody, now());
      if (!check.ok) throw new AppError(401, check.reason === 'stale' ? 'callback_timestamp_stale' : 'callback_signature_invalid');
      let notice: Partial<Collection & { eventId: string }>;
      try {
        notice = JSON.parse(rawBody) as typeof notice;
      } catch {
        throw new AppError(400, 'callback_invalid');
      }
      const completedAt = new Date(notice.completedAt ?? '');
      if (
        typeof notice.eventId !== 'string' || typeof notice.transactionId !== 'string' || typeof notice.merchantReference !== 'string' ||
        (notice.status !== 'SUCCESSFUL' && notice.status !== 'FAILED') || !Number.isSafeInteger(notice.amount) || typeof notice.currency !== 'string' || Number.isNaN(completedAt.getTime())
      ) {
        throw new AppError(400, 'callback_invalid');
      }
      return {
        eventId: notice.eventId,
        providerReference: notice.transactionId,
        paymentId: notice.merchantReference,
        status: notice.status === 'SUCCESSFUL' ? 'succeeded' : 'failed',
        amount: notice.amount!,
        currency: notice.currency,
        reason: notice.reason ?? null,
        completedAt,
      };
    },

    async queryStatus(payment): Promise<ProviderStatus> {
      const answer = await call('GET', `/v1/collections?merchantReference=${encodeURIComponent(payment.id)}`);
      if (!answer) return { status: 'unreachable' };
      if (answer.status === 404) return { status: 'not_found' };
      const collection = answer.json as Collection | null;
      if (answer.status !== 200 || !collection) return { status: 'unreachable' };
      if (collection.status === 'PENDING') return { status: 'pending' };
      if (collection.status === 'FAILED') return { status: 'failed', providerReference: collection.transactionId, reason: collection.reason ?? 'failed' };
      return { status: 'succeeded', providerReference: collection.transactionId, amount: collection.amount, currency: collection.currency, completedAt: new Date(collection.completedAt ?? now()) };
    },

    async refund(payment, reason) {
      if (!payment.providerReference) return { outcome: 'refused', reason: 'no_transaction' };
      const answer = await call('POST', `/v1/collections/${encodeURIComponent(payment.providerReference)}/refund`, { reason });
      if (!answer || answer.status >= 500) return { outcome: 'unknown' };
      const refund = (answer.json as { refund?: { refundId?: string } } | null)?.refund;
      if (answer.status !== 200 || !refund?.refundId) return { outcome: 'refused', reason: `operator_${answer.status}` };
      return { outcome: 'refunded', refundReference: refund.refundId };
    },
  };
}
