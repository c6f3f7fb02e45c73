import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendMessageLog, verifyMessageLog } from '../../src/modules/exchange/message-log.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { openTestDatabase } from '../support/db.ts';

let handle: DatabaseHandle;

beforeEach(async () => {
  handle = await openTestDatabase();
  // Customs asks Commerce about a licence five times; each request out and its answer in are logged.
  for (let n = 1; n <= 5; n += 1) {
    await handle.db.transaction().execute(async (trx) => {
      await appendMessageLog(trx, {
        messageId: `req-${n}`,
        direction: 'out',
        kind: 'request',
        peer: 'KD/GOV/COMMERCE/licences',
        service: 'KD/GOV/COMMERCE/licences/check-licence/v1',
        signature: `sig-${n}`,
        bodyDigest: 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
        status: 'sent',
      });
    });
  }
});

afterEach(async () => {
  await handle.close();
});

describe('exchange message log', () => {
  it('appends entries in a chain that verifies', async () => {
    expect(await verifyMessageLog(handle.db)).toMatchObject({ ok: true, checked: 5, lastSeq: 5 });
  });

  it('keeps the chain whole under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        handle.db.transaction().execute((trx) =>
          appendMessageLog(trx, { messageId: `in-${n}`, direction: 'in', kind: 'request', peer: 'KD/GOV/CUSTOMS/clearance', service: 's', signature: 'x', bodyDigest: 'd', status: 'accepted' }),
        ),
      ),
    );
    expect(await verifyMessageLog(handle.db)).toMatchObject({ ok: true, checked: 15 });
  });

  it('detects an entry altered with SQL', async () => {
    await sql`update exchange_message_log set status = 'refused' where seq = 3`.execute(handle.db);
    const verdict = await verifyMessageLog(handle.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.problem?.message).toBe('message log entry #3 altered: its content does not match its hash');
  });

  it('detects an entry deleted with SQL', async () => {
    await sql`delete from exchange_message_log where seq = 2`.execute(handle.db);
    expect((await verifyMessageLog(handle.db)).problem?.message).toBe('message log entry #2 missing (next present is #3)');
  });

  it('detects the tail cut off, against the head', async () => {
    await sql`delete from exchange_message_log where seq >= 4`.execute(handle.db);
    expect((await verifyMessageLog(handle.db)).problem?.message).toBe('message log entry #4–5 missing (the log head records #5)');
  });
});
