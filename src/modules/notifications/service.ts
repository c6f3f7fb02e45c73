import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { withNotifications, type NotificationChannel, type NotificationStatus, type NotificationsTable } from './schema.ts';
import { containing } from '../../platform/db/like.ts';

export interface Page {
  limit: number;
  offset: number;
}

export interface OutboxFilters extends Page {
  channel?: NotificationChannel | undefined;
  status?: NotificationStatus | undefined;
  /** Words in the address or the subject (a reference, a surname). */
  q?: string | undefined;
}


const fromNotifications = (db: Db) => withNotifications(db).selectFrom('notifications');

function messageView(row: Selectable<NotificationsTable>) {
  return {
    id: row.id,
    channel: row.channel,
    address: row.address,
    locale: row.locale,
    subject: row.subject,
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    status: row.status,
    relatedType: row.related_type,
    relatedId: row.related_id,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

export type MessageView = ReturnType<typeof messageView>;
export type OutboxEntry = MessageView & { recipientUserId: string | null; error: string | null; attempts: number };

/** The messages written to one person, newest first. */
export async function listMine(db: Db, userId: string, page: Page): Promise<{ items: MessageView[]; total: number }> {
  const mine = fromNotifications(db).where('recipient_user_id', '=', userId);
  const [rows, count] = await Promise.all([
    mine.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    mine.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(messageView), total: Number(count.total) };
}

/** Every message, newest first: the operator's view of the outbox (and the demo's mailbox). */
export async function listOutbox(db: Db, filters: OutboxFilters): Promise<{ items: OutboxEntry[]; total: number }> {
  let matching = fromNotifications(db);
  if (filters.channel) matching = matching.where('channel', '=', filters.channel);
  if (filters.status) matching = matching.where('status', '=', filters.status);
  const words = filters.q?.trim();
  if (words) matching = matching.where((eb) => eb.or([eb('address', 'ilike', containing(words)), eb('subject', 'ilike', containing(words))]));
  const [rows, count] = await Promise.all([
    matching.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(filters.limit).offset(filters.offset).execute(),
    matching.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({ ...messageView(row), recipientUserId: row.recipient_user_id, error: row.error, attempts: row.attempts })),
    total: Number(count.total),
  };
}
