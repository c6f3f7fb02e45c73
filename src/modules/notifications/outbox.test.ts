import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/db.ts';
import type { DatabaseHandle, Db } from '../../platform/db/database.ts';
import { dispatch, type OutgoingMessage } from './outbox.ts';
import { withNotifications } from './schema.ts';
import { smsSend, type SmsSender } from './transports.ts';

let handle: DatabaseHandle;
let db: Db;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

let serial = 0;
const anSms = (): OutgoingMessage => ({
  channel: 'sms',
  recipientUserId: null,
  address: '+22670000001',
  locale: 'fr',
  subject: null,
  bodyText: 'Guichet : KD-2026-000123 — Correction demandée.',
  bodyHtml: null,
  relatedType: 'application',
  relatedId: 'a1',
  dedupeKey: `test-${++serial}:sms`,
});
const rowOf = (key: string) => withNotifications(db).selectFrom('notifications').selectAll().where('dedupe_key', '=', key).executeTakeFirstOrThrow();

/** A gateway that records what it is given and refuses while told to. */
function recordingGateway() {
  const gateway = { sent: [] as [string, string][], down: false };
  const sender: SmsSender = {
    async send(to, text) {
      if (gateway.down) throw new Error('gateway timeout');
      gateway.sent.push([to, text]);
    },
  };
  return { gateway, send: smsSend(sender) };
}

describe('the outbox of messages', () => {
  it('keeps a text message on the platform when no SMS gateway is configured, once however often it is dispatched', async () => {
    const message = anSms();
    expect(await dispatch(db, null, message)).toBe('kept');
    expect(await dispatch(db, null, message)).toBe('already_done');
    expect(await rowOf(message.dedupeKey)).toMatchObject({ channel: 'sms', status: 'kept', attempts: 1, subject: null, sent_at: null });
  });

  it('hands a text message to the gateway and records it as sent', async () => {
    const { gateway, send } = recordingGateway();
    const message = anSms();
    expect(await dispatch(db, send, message)).toBe('sent');
    expect(await dispatch(db, send, message)).toBe('already_done');
    expect(gateway.sent).toEqual([['+22670000001', 'Guichet : KD-2026-000123 — Correction demandée.']]);
    expect((await rowOf(message.dedupeKey)).sent_at).toBeInstanceOf(Date);
  });

  it('records a refusal, rethrows it for the bus to retry, and sends on the next try', async () => {
    const { gateway, send } = recordingGateway();
    const message = anSms();
    gateway.down = true;
    await expect(dispatch(db, send, message)).rejects.toThrow('gateway timeout');
    expect(await rowOf(message.dedupeKey)).toMatchObject({ status: 'failed', error: 'gateway timeout', attempts: 1 });
    gateway.down = false;
    expect(await dispatch(db, send, message)).toBe('sent');
    expect(await rowOf(message.dedupeKey)).toMatchObject({ status: 'sent', error: null, attempts: 2 });
    expect(gateway.sent).toHaveLength(1);
  });

  it('keeps a message that failed under a gateway since removed from the configuration', async () => {
    const { gateway, send } = recordingGateway();
    const message = anSms();
    gateway.down = true;
    await expect(dispatch(db, send, message)).rejects.toThrow();
    expect(await dispatch(db, null, message)).toBe('kept');
    expect(await rowOf(message.dedupeKey)).toMatchObject({ status: 'kept', error: null, attempts: 2 });
  });
});
