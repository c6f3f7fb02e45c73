/** The browser's view of GET /api/notifications/mine (src/modules/notifications/routes.ts). */
export interface MyMessage {
  id: string;
  channel: 'email' | 'sms';
  address: string;
  /** The language the message was written in: the reader's at the time. */
  locale: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  status: 'kept' | 'sent' | 'failed';
  relatedType: string;
  relatedId: string;
  createdAt: string;
  sentAt: string | null;
}

export interface MyMessagesPage {
  items: MyMessage[];
  total: number;
}
