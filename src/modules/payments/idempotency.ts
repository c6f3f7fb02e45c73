import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PaymentRow } from './store.ts';

/**
 * Idempotency keys, as payment APIs use them (Stripe's Idempotency-Key, Mojaloop's transfer ids;
 * draft-ietf-httpapi-idempotency-key-header): a create call names its own key, unique per caller.
 * The same key with the same request gives back the same intent, never a second one; the same key
 * with another request is a client bug, refused with 422.
 */
export function requestFingerprint(operation: string, body: unknown): string {
  return createHash('sha256').update(canonicalize({ operation, body }) ?? '').digest('hex');
}

/** The intent this caller already created with this key, or null; 422 when the request differs. */
export async function earlierIntent(db: Db, callerId: string, key: string, fingerprint: string): Promise<PaymentRow | null> {
  const row = await db.selectFrom('payments').selectAll().where('caller_id', '=', callerId).where('idempotency_key', '=', key).executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== fingerprint) throw new AppError(422, 'idempotency_key_reused', { key });
  return row;
}
