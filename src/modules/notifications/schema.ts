import type { ColumnType, Generated } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export type NotificationChannel = 'email' | 'sms';
/** `kept`: stored in the local outbox only (no SMTP server or SMS gateway configured) — the demo reads it there. */
export type NotificationStatus = 'kept' | 'sent' | 'failed';

/** One message to one address on one channel: the local outbox and the record of what was sent. */
export interface NotificationsTable {
  id: Generated<string>;
  channel: NotificationChannel;
  recipient_user_id: string | null;
  /** E-mail address or phone number, as it was when the message was written. */
  address: string;
  locale: string;
  /** E-mails only; an SMS has none. */
  subject: string | null;
  body_text: string;
  body_html: string | null;
  status: NotificationStatus;
  /** Why the last try failed (transport message), for the operator. */
  error: string | null;
  attempts: Generated<number>;
  /** What the message is about, e.g. `application` and its id. */
  related_type: string;
  related_id: string;
  /** `<event id>:<recipient>:<channel>`: a redelivered event finds its message already there. */
  dedupe_key: string;
  created_at: Generated<Date>;
  sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

// A type alias, not an interface: `withTables` below wants an object type with an implied index signature.
export type NotificationTables = {
  notifications: NotificationsTable;
};

/**
 * The database seen with this module's table. A no-op once the platform's `Database` type includes
 * `NotificationTables`; it keeps the module compiling on its own until then.
 */
export const withNotifications = (db: Db) => db.withTables<NotificationTables>();
