import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCountry } from '../../demo/seed.ts';
import { openTestDatabase } from '../../../test/support/db.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { purgeExpiredSessions } from './session-purge.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoCountry(database.db);
});
afterAll(async () => database?.close());

describe('the expired-session purge job', () => {
  it('deletes only expired sessions and audits the purge', async () => {
    const { db } = database;
    const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    const hour = 3600_000;
    await db
      .insertInto('sessions')
      .values([
        { id: 'expired-1', user_id: user.id, csrf_token: 'x', expires_at: new Date(Date.now() - hour) },
        { id: 'expired-2', user_id: user.id, csrf_token: 'x', expires_at: new Date(Date.now() - 2 * hour) },
        { id: 'live', user_id: user.id, csrf_token: 'x', expires_at: new Date(Date.now() + hour) },
      ])
      .execute();
    expect(await purgeExpiredSessions(db)).toBe(2);
    expect((await db.selectFrom('sessions').select('id').execute()).map((s) => s.id)).toEqual(['live']);
    const entry = await db.selectFrom('audit_entries').select(['action', 'details']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'session.expired_purged', details: { purged: 2 } });
    expect(await purgeExpiredSessions(db)).toBe(0);
  });
});
