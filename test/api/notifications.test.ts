import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCountry } from '../../src/demo/seed.ts';
import type { ApplicationEscalated, ApplicationStateChanged, CaseTopics } from '../../src/modules/cases/index.ts';
import { publishShippedDefinitions, readShippedDefinitions } from '../../src/modules/catalogue/index.ts';
import { notificationConfig, registerNotifications } from '../../src/modules/notifications/index.ts';
import { withNotifications } from '../../src/modules/notifications/schema.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { registerApplicant } from '../../src/platform/auth/account.ts';
import { createStaffUser, disableUser } from '../../src/platform/auth/user-admin.ts';
import type { Principal } from '../../src/platform/auth/policy.ts';
import type { DatabaseHandle, Db } from '../../src/platform/db/database.ts';
import { createEventBus, type BackoffPolicy, type EventBus, type EventLogger } from '../../src/platform/events/index.ts';
import { startTestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';
import { openTestDatabase } from '../support/db.ts';

const PUBLIC_URL = 'https://guichet.example.kd';
const quiet: EventLogger = { info() {}, warn() {}, error() {} };

/** A migrated database seeded with the demo country and its procedures, with this module's table. */
async function demoDatabase(): Promise<DatabaseHandle> {
  const handle = await openTestDatabase();
  await seedDemoCountry(handle.db);
  await publishShippedDefinitions(handle.db, await readShippedDefinitions());
  return handle;
}

/** A bus carrying only this module's subscribers. */
function notificationBus(db: Db, env: NodeJS.ProcessEnv = {}, backoff?: BackoffPolicy): EventBus<CaseTopics> {
  const bus = createEventBus<CaseTopics>({ logger: quiet, ...(backoff ? { backoff } : {}) });
  registerNotifications(bus, { db, config: notificationConfig(env), publicUrl: `${PUBLIC_URL}/`, logger: quiet });
  return bus;
}

/**
 * Every delivery handled: by this bus, or by the platform's own when it runs the same subscriber
 * on the same database (it may take a delivery this one then finds leased).
 */
async function settled(bus: EventBus<CaseTopics>, db: Db): Promise<void> {
  await bus.drain(db);
  for (let waited = 0; ; waited += 10) {
    const pending = await db.selectFrom('event_deliveries').select('id').where('status', '=', 'pending').execute();
    if (pending.length === 0) return;
    if (waited > 5000) throw new Error(`${pending.length} event deliveries still pending`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const userIdOf = async (db: Db, email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

function stateChanged(applicantId: string, move: Partial<ApplicationStateChanged> = {}): ApplicationStateChanged {
  return {
    applicationId: randomUUID(),
    reference: `KD-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    procedureId: 'import-licence',
    procedureVersion: 1,
    agencyCode: 'COMMERCE',
    applicantId,
    action: 'request_correction',
    fromState: 'in_review',
    toState: 'correction_requested',
    outcome: null,
    comment: null,
    steps: [{ action: move.action ?? 'request_correction', from: move.fromState ?? 'in_review', to: move.toState ?? 'correction_requested' }],
    occurredAt: new Date().toISOString(),
    ...move,
  };
}

async function emit<K extends keyof CaseTopics>(db: Db, bus: EventBus<CaseTopics>, topic: K, payload: CaseTopics[K]): Promise<number> {
  return db.transaction().execute((trx) => bus.emit(trx, topic, payload));
}

const messagesAbout = (db: Db, applicationId: string) =>
  withNotifications(db).selectFrom('notifications').selectAll().where('related_id', '=', applicationId).orderBy('created_at').execute();

describe('notifying people from the outbox', () => {
  let handle: DatabaseHandle;
  let db: Db;
  let khadija: string;
  let awa: string;

  beforeAll(async () => {
    handle = await demoDatabase();
    db = handle.db;
    khadija = await registerApplicant(db, systemContext('test'), { email: 'khadija.benali@example.test', password: 'a-long-enough-password', displayName: 'خديجة بن علي', locale: 'ar' });
    awa = await userIdOf(db, demoEmail('awa.ndiaye'));
  });
  afterAll(async () => handle?.close());

  it('writes to an Arabic-speaking applicant in Arabic when an officer asks for a correction', async () => {
    const bus = notificationBus(db);
    const move = stateChanged(khadija, { comment: 'الفاتورة غير مقروءة، يرجى إرفاق نسخة واضحة.' });
    await emit(db, bus, 'application.state_changed', move);
    await bus.drain(db);

    const [message, ...others] = await messagesAbout(db, move.applicationId);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ channel: 'email', address: 'khadija.benali@example.test', recipient_user_id: khadija, locale: 'ar', status: 'kept', related_type: 'application' });
    expect(message?.subject).toBe(`${move.reference}: مطلوب إجراء منكم`);
    expect(message?.body_text).toContain('مرحبًا خديجة بن علي،');
    expect(message?.body_text).toContain('«رخصة الاستيراد»');
    expect(message?.body_text).toContain('مطلوب تصحيح الملف'); // the state's label in the pinned definition
    expect(message?.body_text).toContain('ما يطلبه الموظف: الفاتورة غير مقروءة، يرجى إرفاق نسخة واضحة.');
    expect(message?.body_text).toContain(`${PUBLIC_URL}/portal/applications/${move.applicationId}`);
    expect(message?.body_html).toContain('<html lang="ar" dir="rtl">');
    expect(message?.sent_at).toBeNull();
  });

  it('tells a French-speaking applicant that a fee is due, then the reason for a rejection; a file without fee, that it was received', async () => {
    const bus = notificationBus(db);
    const applicationId = randomUUID();
    const file = { applicationId, reference: 'KD-2026-000777', applicantId: awa };
    // A submission is one change: submitted, then the automatic fee step.
    const submission = { action: 'submit', fromState: 'draft', toState: 'payment_due', steps: [{ action: 'submit', from: 'draft', to: 'submitted' }, { action: 'compute_fees', from: 'submitted', to: 'payment_due' }] };
    await emit(db, bus, 'application.state_changed', stateChanged(awa, { ...file, ...submission }));
    await emit(db, bus, 'application.state_changed', stateChanged(awa, { ...file, action: 'fee_paid', fromState: 'payment_due', toState: 'in_review' }));
    await emit(db, bus, 'application.state_changed', stateChanged(awa, { ...file, action: 'reject', fromState: 'in_review', toState: 'rejected', outcome: 'rejected', comment: 'Quota annuel épuisé.' }));
    const free = { applicationId: randomUUID(), reference: 'KD-2026-000778', applicantId: awa };
    await emit(db, bus, 'application.state_changed', stateChanged(awa, { ...free, action: 'submit', fromState: 'draft', toState: 'in_review' }));
    await bus.drain(db);

    // The bus delivers events concurrently, so the two messages may be written in either order.
    const messages = (await messagesAbout(db, applicationId)).sort((a, b) => String(a.subject).localeCompare(String(b.subject)));
    // The payment moving the file into review is the agency's business: no message for it.
    expect(messages.map((m) => m.subject)).toEqual(['KD-2026-000777 : des frais sont à régler', 'KD-2026-000777 : votre demande est rejetée']);
    expect(messages.every((m) => m.locale === 'fr' && m.address === demoEmail('awa.ndiaye'))).toBe(true);
    expect(messages[0]?.body_text).toContain('En attente de paiement');
    expect(messages[1]?.body_text).toContain('Motif : Quota annuel épuisé.');
    expect(messages[1]?.body_html).toContain('<html lang="fr" dir="ltr">');
    expect((await messagesAbout(db, free.applicationId)).map((m) => m.subject)).toEqual(['KD-2026-000778 : votre demande a bien été reçue']);
  });

  it('does not write twice when the bus delivers the same event again', async () => {
    const bus = notificationBus(db);
    const move = stateChanged(awa, { action: 'approve', toState: 'approved', outcome: 'approved' });
    const eventId = await emit(db, bus, 'application.state_changed', move);
    await bus.drain(db);
    // A lost commit or an expired lease: the delivery is handed out again.
    await db.updateTable('event_deliveries').set({ status: 'pending', done_at: null, next_attempt_at: new Date(0) }).where('event_id', '=', eventId).execute();
    await bus.drain(db);

    const delivery = await db.selectFrom('event_deliveries').select(['status', 'attempts']).where('event_id', '=', eventId).executeTakeFirstOrThrow();
    expect(delivery).toEqual({ status: 'done', attempts: 2 });
    const messages = await messagesAbout(db, move.applicationId);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.dedupe_key).toBe(`${eventId}:${awa}:email`);
  });

  it('says nothing to an applicant whose account was disabled', async () => {
    const gone = await registerApplicant(db, systemContext('test'), { email: 'parti@example.test', password: 'a-long-enough-password', displayName: 'Parti', locale: 'fr' });
    const admin = await platformAdministrator(db);
    await disableUser(db, admin, systemContext('test'), gone);
    const bus = notificationBus(db);
    const move = stateChanged(gone, { action: 'approve', toState: 'approved', outcome: 'approved' });
    await emit(db, bus, 'application.state_changed', move);
    await bus.drain(db);
    expect(await messagesAbout(db, move.applicationId)).toEqual([]);
  });

  it('warns every active administrator of the agency of an overdue file, each in their language', async () => {
    const admin = await platformAdministrator(db);
    const commerce = (await db.selectFrom('agencies').select('id').where('code', '=', 'COMMERCE').executeTakeFirstOrThrow()).id;
    const staff = (email: string, displayName: string, locale: 'fr' | 'ar' | 'en', role: 'agency_admin' | 'officer') =>
      createStaffUser(db, admin, systemContext('test'), { email, displayName, password: 'a-long-enough-password', locale, grants: [{ role, agencyId: commerce }] });
    const rachid = await staff('rachid.admin@example.test', 'رشيد', 'ar', 'agency_admin');
    const former = await staff('former.admin@example.test', 'Former Admin', 'en', 'agency_admin');
    await disableUser(db, admin, systemContext('test'), former);
    await staff('second.officer@example.test', 'Officer', 'en', 'officer');

    const bus = notificationBus(db);
    const overdue: ApplicationEscalated = { applicationId: randomUUID(), reference: 'KD-2026-000555', procedureId: 'import-export-card', procedureVersion: 1, agencyCode: 'COMMERCE', holdingAgencyCode: 'COMMERCE', state: 'in_review', dueOn: '2026-03-02' };
    await emit(db, bus, 'application.escalated', overdue);
    await bus.drain(db);

    const messages = await messagesAbout(db, overdue.applicationId);
    const mariam = await userIdOf(db, demoEmail('mariam.kone'));
    expect(messages.map((m) => [m.recipient_user_id, m.locale, m.subject]).sort()).toEqual(
      [
        [mariam, 'fr', 'En retard : KD-2026-000555'],
        [rachid, 'ar', 'تأخر: KD-2026-000555'],
      ].sort(),
    );
    const french = messages.find((m) => m.locale === 'fr');
    expect(french?.body_text).toContain('échéance du 2 mars 2026');
    expect(french?.body_text).toContain('Service concerné : Ministère du Commerce');
    expect(french?.body_text).toContain(`${PUBLIC_URL}/back-office/cases/${overdue.applicationId}`);
    expect(messages.find((m) => m.locale === 'ar')?.body_text).toContain('الجهة المعنية: وزارة التجارة');
  });
});

describe('sending through an SMTP relay', () => {
  let handle: DatabaseHandle;
  let db: Db;
  let khadija: string;
  const relay = localMailRelay();

  beforeAll(async () => {
    handle = await demoDatabase();
    db = handle.db;
    khadija = await registerApplicant(db, systemContext('test'), { email: 'khadija@example.test', password: 'a-long-enough-password', displayName: 'خديجة', locale: 'ar' });
    await relay.start();
  });
  afterAll(async () => {
    await relay.stop();
    await handle?.close();
  });

  it('hands the message to the relay, in the applicant’s language, and records it as sent', async () => {
    const bus = notificationBus(db, { SMTP_URL: relay.url(), MAIL_FROM: 'Guichet Kandara <guichet@gov.kd.example>' });
    const move = stateChanged(khadija, { action: 'approve', toState: 'approved', outcome: 'approved' });
    await emit(db, bus, 'application.state_changed', move);
    await bus.drain(db);

    expect(relay.received).toHaveLength(1);
    const mail = relay.received[0]!;
    expect(mail.from).toBe('guichet@gov.kd.example');
    expect(mail.to).toEqual(['khadija@example.test']);
    expect(header(mail.raw, 'Subject')).toBe(`${move.reference}: تمت الموافقة على طلبكم`);
    expect(header(mail.raw, 'Content-Language')).toBe('ar');
    expect(header(mail.raw, 'Content-Type')).toMatch(/^multipart\/alternative/); // text and HTML parts
    const [row] = await messagesAbout(db, move.applicationId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, error: null });
    expect(row?.sent_at).toBeInstanceOf(Date);
  });

  it('records a refused message as failed and lets the bus try again until the relay takes it', async () => {
    const bus = notificationBus(db, { SMTP_URL: relay.url() }, { baseMs: 200, capMs: 200, jitter: 'equal' });
    const move = stateChanged(khadija);
    relay.refuseNext = 1;
    const eventId = await emit(db, bus, 'application.state_changed', move);
    await bus.drain(db);

    const [failed] = await messagesAbout(db, move.applicationId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.error).toContain('mailbox temporarily unavailable');
    const delivery = await db.selectFrom('event_deliveries').select(['status', 'last_error']).where('event_id', '=', eventId).executeTakeFirstOrThrow();
    expect(delivery.status).toBe('pending');
    expect(delivery.last_error).toContain('mailbox temporarily unavailable');

    await new Promise((resolve) => setTimeout(resolve, 250)); // the retry's delay: 100 to 200 ms
    await bus.drain(db);
    const rows = await messagesAbout(db, move.applicationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(relay.received.filter((m) => header(m.raw, 'Subject')?.startsWith(move.reference))).toHaveLength(1);
  });
});

describe('reading messages over the API', () => {
  let platform: { url: string; db: Db; close(): Promise<void> };
  let awa: string;
  let moussaMessage: string;

  beforeAll(async () => {
    platform = await startPlatform();
    const { db } = platform;
    awa = await userIdOf(db, demoEmail('awa.ndiaye'));
    const moussa = await userIdOf(db, demoEmail('moussa.traore'));
    const bus = notificationBus(db);
    const reference = (n: number) => `KD-2026-00010${n}`;
    for (const [n, toState, outcome] of [
      [1, 'payment_due', null],
      [2, 'correction_requested', null],
      [3, 'approved', 'approved'],
    ] as const) {
      await emit(db, bus, 'application.state_changed', stateChanged(awa, { reference: reference(n), toState, outcome }));
      await settled(bus, db); // one at a time, so "newest first" has an order to check
    }
    const theirs = stateChanged(moussa, { reference: 'KD-2026-000200', toState: 'rejected', outcome: 'rejected', comment: 'Dossier incomplet' });
    await emit(db, bus, 'application.state_changed', theirs);
    await settled(bus, db);
    moussaMessage = theirs.reference;
  });
  afterAll(async () => platform?.close());

  it('shows the signed-in person their own messages only, newest first, page by page', async () => {
    const client = new ApiClient(platform.url);
    await client.login(demoEmail('awa.ndiaye'));
    const all = await client.request('GET', '/api/notifications/mine');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((m: { subject: string }) => m.subject)).toEqual([
      'KD-2026-000103 : votre demande est acceptée',
      'KD-2026-000102 : une action est attendue de votre part',
      'KD-2026-000101 : des frais sont à régler',
    ]);
    expect(all.body.items[0]).toMatchObject({ channel: 'email', status: 'kept', locale: 'fr', relatedType: 'application', sentAt: null });
    expect(all.body.items[0]).not.toHaveProperty('error');

    const second = await client.request('GET', '/api/notifications/mine?limit=1&offset=1');
    expect(second.body).toMatchObject({ total: 3, items: [{ subject: 'KD-2026-000102 : une action est attendue de votre part' }] });
    expect(JSON.stringify(all.body)).not.toContain(moussaMessage);

    const moussa = new ApiClient(platform.url);
    await moussa.login(demoEmail('moussa.traore'));
    const theirs = await moussa.request('GET', '/api/notifications/mine');
    expect(theirs.body.items.map((m: { subject: string }) => m.subject)).toEqual(['KD-2026-000200 : votre demande est rejetée']);
  });

  it('refuses the mailbox to someone not signed in', async () => {
    const response = await new ApiClient(platform.url).request('GET', '/api/notifications/mine');
    expect(response.status).toBe(401);
  });

  it('opens the whole outbox to the platform administrator only, with filters', async () => {
    for (const name of ['awa.ndiaye', 'fatou.sow', 'mariam.kone']) {
      const client = new ApiClient(platform.url);
      await client.login(demoEmail(name));
      const refused = await client.request('GET', '/api/notifications/outbox');
      expect(refused.status, name).toBe(403);
    }
    const admin = new ApiClient(platform.url);
    await admin.login(demoEmail('admin'));
    const all = await admin.request('GET', '/api/notifications/outbox?channel=email&status=kept');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items[0]).toMatchObject({ subject: 'KD-2026-000200 : votre demande est rejetée', recipientUserId: expect.any(String), error: null, attempts: 1 });

    const found = await admin.request('GET', '/api/notifications/outbox?q=000102');
    expect(found.body.items.map((m: { recipientUserId: string }) => m.recipientUserId)).toEqual([awa]);
    expect((await admin.request('GET', '/api/notifications/outbox?status=sent')).body).toEqual({ items: [], total: 0 });
    expect((await admin.request('GET', '/api/notifications/outbox?status=lost')).status).toBe(400);
  });

  it('documents both routes in a valid OpenAPI document', async () => {
    const document = (await (await fetch(`${platform.url}/openapi.json`)).json()) as any;
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/notifications/mine', '/api/notifications/outbox']));
  });
});

/** The platform administrator of the demo, as the user-administration services see a principal. */
async function platformAdministrator(db: Db): Promise<Principal> {
  const id = await userIdOf(db, demoEmail('admin'));
  return { kind: 'user', id, label: demoEmail('admin'), grants: [{ role: 'platform_admin', agencyId: null }], companyId: null, mfaPending: false };
}

/** The platform over HTTP, with this module wired as src/app.ts wires it. */
async function startPlatform(): Promise<{ url: string; db: Db; close(): Promise<void> }> {
  const platform = await startTestApp({}, process.env.DATABASE_URL);
  return { url: platform.url, db: platform.database.db, close: platform.close };
}

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port; `refuseNext` makes it answer 451 to that many messages. */
function localMailRelay() {
  const received: ReceivedMail[] = [];
  const relay = {
    received,
    refuseNext: 0,
    server: undefined as SMTPServer | undefined,
    url: () => `smtp://127.0.0.1:${(relay.server?.server.address() as AddressInfo).port}`,
    async start() {
      relay.server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            if (relay.refuseNext > 0) {
              relay.refuseNext -= 1;
              return callback(Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 451 }));
            }
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: Buffer.concat(chunks).toString('utf8'),
            });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => relay.server!.listen(0, '127.0.0.1', resolve));
    },
    stop: () => new Promise<void>((resolve) => (relay.server ? relay.server.close(() => resolve()) : resolve())),
  };
  return relay;
}

/** One header of a raw message, unfolded and with its RFC 2047 encoded words decoded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (line === undefined) return undefined;
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}
