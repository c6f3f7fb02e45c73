import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/migrations.ts';
import { appendMessageLog } from '../../src/modules/exchange/message-log.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { commandDatabase, runGuichet, type CommandDatabase } from '../support/command-database.ts';


let cli: CommandDatabase;

const withDatabase = async (work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<unknown>) => {
  const handle = await openDatabase(cli.options);
  try {
    await work(handle.db);
  } finally {
    await handle.close();
  }
};

beforeAll(async () => {
  cli = await commandDatabase('guichet-exchange-log-');
  await withDatabase(async (db) => {
    await migrateToLatest(db, migrations);
    for (let n = 1; n <= 4; n += 1) {
      await db.transaction().execute((trx) =>
        appendMessageLog(trx, {
          messageId: `msg-${n}`,
          direction: 'in',
          kind: 'request',
          peer: 'KD/GOV/CUSTOMS/clearance',
          service: 'KD/GOV/COMMERCE/licences/check-licence/v1',
          signature: `sig-${n}`,
          bodyDigest: 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
          status: 'accepted',
        }),
      );
    }
  });
}, 60_000);

afterAll(async () => {
  await cli.remove();
});

const verifyLog = () => runGuichet(cli.env, 'exchange', 'verify-log');

describe('guichet exchange verify-log', () => {
  it('reports an intact log', () => {
    const run = verifyLog();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/exchange message log intact: 4 entries, head #4 [0-9a-f]{64}/);
  });

  it('exits 1 naming the entry that was altered', async () => {
    await withDatabase((db) => sql`update exchange_message_log set peer = 'KD/GOV/TAX/returns' where seq = 2`.execute(db));
    const run = verifyLog();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('message log entry #2 altered');
  });
});
