import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/db.ts';
import type { ChangeContext } from '../audit/record.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { createEventBus } from './bus.ts';
import { listDeadLetters, replayDeadLetter } from './dead-letters.ts';
import { recordingLogger } from './test-support.ts';

let handle: DatabaseHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await db.deleteFrom('event_deliveries').execute();
  await db.deleteFrom('outbox_events').execute();
});

const operator: ChangeContext = { actor: { type: 'user', id: 'u-ops', label: 'Operations desk' }, requestId: 'req-1', ip: '10.0.0.7' };

/** A bus whose `notify` subscriber fails until `fixed.value` is set, retrying at once. */
function busWithBrokenSubscriber(maxAttempts: number) {
  const logger = recordingLogger();
  const fixed = { value: false };
  const attempts: number[] = [];
  const bus = createEventBus<{ 'payment.settled': { paymentId: string } }>({ logger, backoff: { baseMs: 0, capMs: 0 } });
  bus.subscribe(
    'payment.settled',
    'receipt',
    async (d) => {
      attempts.push(d.attempt);
      if (!fixed.value) throw new Error('receipt template missing');
    },
    { maxAttempts },
  );
  const emit = () => db.transaction().execute((trx) => bus.emit(trx, 'payment.settled', { paymentId: 'p-1' }));
  return { bus, logger, fixed, attempts, emit };
}

describe('dead letters', () => {
  it('parks a delivery that always fails after maxAttempts, and lists it with its last error', async () => {
    const { bus, logger, attempts, emit } = busWithBrokenSubscriber(3);
    const eventId = await emit();
    await bus.drain(db);
    expect(attempts).toEqual([1, 2, 3]);
    const letters = await listDeadLetters(db);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ eventId, topic: 'payment.settled', subscriber: 'receipt', attempts: 3, payload: { paymentId: 'p-1' } });
    expect(letters[0]?.lastError).toContain('receipt template missing');
    expect(logger.lines.map((l) => l.level)).toEqual(['warn', 'warn', 'error']);
    await bus.drain(db);
    expect(attempts).toHaveLength(3);
  });

  it('replays a dead letter with fresh attempts, audited in the same transaction', async () => {
    const { bus, fixed, attempts, emit } = busWithBrokenSubscriber(2);
    await emit();
    await bus.drain(db);
    const [letter] = await listDeadLetters(db);
    if (!letter) throw new Error('expected a dead letter');

    fixed.value = true;
    await db.transaction().execute((trx) => replayDeadLetter(trx, operator, letter.id));
    const audit = await db.selectFrom('audit_entries').selectAll().where('action', '=', 'event.dead_letter_replayed').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ record_type: 'event_delivery', record_id: String(letter.id), actor_id: 'u-ops', request_id: 'req-1' });
    expect(audit[0]?.before_digest).not.toEqual(audit[0]?.after_digest);

    await bus.drain(db);
    expect(attempts).toEqual([1, 2, 1]);
    expect(await listDeadLetters(db)).toEqual([]);
    const row = await db.selectFrom('event_deliveries').selectAll().where('id', '=', letter.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
  });

  it('leaves nothing replayed or audited when the replaying transaction rolls back', async () => {
    const { bus, emit } = busWithBrokenSubscriber(1);
    await emit();
    await bus.drain(db);
    const [letter] = await listDeadLetters(db);
    if (!letter) throw new Error('expected a dead letter');
    const auditBefore = await db.selectFrom('audit_entries').select('seq').execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await replayDeadLetter(trx, operator, letter.id);
        throw new Error('operator cancelled');
      }),
    ).rejects.toThrow('operator cancelled');
    expect(await listDeadLetters(db)).toHaveLength(1);
    expect(await db.selectFrom('audit_entries').select('seq').execute()).toEqual(auditBefore);
  });

  it('refuses to replay an unknown delivery (404) or one that is not dead (409)', async () => {
    const replay = (id: number) => db.transaction().execute((trx) => replayDeadLetter(trx, operator, id));
    await expect(replay(987_654)).rejects.toMatchObject({ status: 404, code: 'not_found', params: { record: 'event_delivery', id: '987654' } });

    const { fixed, emit } = busWithBrokenSubscriber(1);
    fixed.value = true;
    const eventId = await emit();
    const pending = await db.selectFrom('event_deliveries').select('id').where('event_id', '=', eventId).executeTakeFirstOrThrow();
    const error = await replay(pending.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: 'event_delivery_not_dead', params: { status: 'pending' } });
  });

  it('pages through dead letters by id', async () => {
    const { bus, emit } = busWithBrokenSubscriber(1);
    for (let i = 0; i < 3; i++) await emit();
    await bus.drain(db);
    const first = await listDeadLetters(db, { limit: 2 });
    expect(first).toHaveLength(2);
    const rest = await listDeadLetters(db, { limit: 2, afterId: first[1]?.id });
    expect(rest).toHaveLength(1);
    expect(rest[0]!.id).toBeGreaterThan(first[1]!.id);
  });
});
