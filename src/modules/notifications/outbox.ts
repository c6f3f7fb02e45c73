import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { withNotifications, type NotificationChannel, type NotificationStatus } from './schema.ts';

/** One message for one address, before it is stored or sent. */
export interface OutgoingMessage {
  channel: NotificationChannel;
  recipientUserId: string | null;
  address: string;
  locale: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  relatedType: string;
  relatedId: string;
  /** Unique per (event, recipient, channel): what makes a redelivered event harmless. */
  dedupeKey: string;
}

/** Hands a message to the outside world (SMTP relay, SMS gateway); throws when it did not take it. */
export type Send = (message: OutgoingMessage) => Promise<void>;

export type DispatchOutcome = 'kept' | 'sent' | 'already_done';

/** Longest transport error kept on a row: the relay's answer, not a novel. */
const MAX_ERROR_LENGTH = 1000;

/**
 * Records and, when a transport is configured, sends one message. Idempotent on the dedupe key: a
 * message already kept or sent is left alone, a failed one is tried again. On a transport failure
 * the row says why and the error is rethrown, so the event bus retries the delivery with backoff.
 * A crash between the relay's acceptance and the row's update can still send twice: at-least-once,
 * like the bus itself (SMTP offers no idempotency key).
 */
export async function dispatch(db: Db, send: Send | null, message: OutgoingMessage): Promise<DispatchOutcome> {
  const outbox = withNotifications(db);
  const row = {
    channel: message.channel,
    recipient_user_id: message.recipientUserId,
    address: message.address,
    locale: message.locale,
    subject: message.subject,
    body_text: message.bodyText,
    body_html: message.bodyHtml,
    related_type: message.relatedType,
    related_id: message.relatedId,
    dedupe_key: message.dedupeKey,
  };
  /** Writes the row, or updates the failed one already there (a try more). */
  const record = (status: NotificationStatus, error: string | null = null) => {
    const sentAt = status === 'sent' ? sql<Date>`now()` : null;
    return outbox
      .insertInto('notifications')
      .values({ ...row, status, error, sent_at: sentAt })
      .onConflict((oc) => oc.column('dedupe_key').doUpdateSet({ status, error, sent_at: sentAt, attempts: sql<number>`notifications.attempts + 1` }))
      .execute();
  };
  if (!send) {
    // The local outbox: nothing leaves the platform; the demo and operators read it over the API.
    // One statement: a redelivery finds the row already there and leaves it as it is.
    const kept = await outbox
      .insertInto('notifications')
      .values({ ...row, status: 'kept', error: null, sent_at: null })
      .onConflict((oc) => oc.column('dedupe_key').doUpdateSet({ status: 'kept', error: null, attempts: sql<number>`notifications.attempts + 1` }).where('notifications.status', '=', 'failed'))
      .executeTakeFirst();
    return Number(kept.numInsertedOrUpdatedRows ?? 0) > 0 ? 'kept' : 'already_done';
  }
  const existing = await outbox.selectFrom('notifications').select('status').where('dedupe_key', '=', message.dedupeKey).executeTakeFirst();
  if (existing && existing.status !== 'failed') return 'already_done';
  try {
    await send(message);
  } catch (error) {
    await record('failed', (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH));
    throw error;
  }
  await record('sent');
  return 'sent';
}
