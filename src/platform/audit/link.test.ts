import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/db.ts';
import type { DatabaseHandle, Db } from '../db/database.ts';
import { linkAuditEntries } from './link.ts';
import { recordAudit, systemContext } from './record.ts';
import { verifyAuditChain } from './verify.ts';

let handle: DatabaseHandle;
let db: Db;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle.close());

const write = (label: string) =>
  db.transaction().execute((trx) => recordAudit(trx, systemContext('link test'), { action: 'test.written', recordType: 'test', recordId: label }));

const positionOf = async (seq: number) =>
  (await db.selectFrom('audit_entries').select(['position', 'hash']).where('seq', '=', seq).executeTakeFirstOrThrow());

describe('linking audit entries into the chain', () => {
  it('writes entries unlinked and links them, in number order, at the next positions', async () => {
    const first = await write('a');
    const second = await write('b');
    expect(await positionOf(first)).toEqual({ position: null, hash: null });
    expect(await linkAuditEntries(db)).toBe(2);
    const [a, b] = [await positionOf(first), await positionOf(second)];
    expect(b.position).toBe(a.position! + 1);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await linkAuditEntries(db)).toBe(0);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, lastSeq: b.position });
  });

  it('leaves out an entry whose transaction is still open and links it after its commit', async (context) => {
    if (!process.env.DATABASE_URL) context.skip(); // PGlite runs one transaction at a time
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let slowSeq = 0;
    const slow = db.transaction().execute(async (trx) => {
      slowSeq = await recordAudit(trx, systemContext('link test'), { action: 'test.written', recordType: 'test', recordId: 'slow' });
      await held;
    });
    while (slowSeq === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const quick = await write('quick');
    expect(quick).toBeGreaterThan(slowSeq);
    expect(await linkAuditEntries(db)).toBe(1);
    expect((await positionOf(quick)).position).not.toBeNull();
    release();
    await slow;
    expect(await linkAuditEntries(db)).toBe(1);
    // The entry with the smaller number committed later, so it sits later in the chain.
    expect((await positionOf(slowSeq)).position).toBe((await positionOf(quick)).position! + 1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('keeps one unbroken chain when many writers and two linkers run at once', async () => {
    const writers = Array.from({ length: 40 }, (_, i) => write(`w${i}`));
    const linkers = [linkAuditEntries(db), linkAuditEntries(db)];
    await Promise.all([...writers, ...linkers]);
    const verdict = await verifyAuditChain(db);
    expect(verdict.ok).toBe(true);
    const { rows } = await sql<{ unlinked: number; positions: number; total: number }>`
      select count(*) filter (where position is null)::int as unlinked, count(distinct position)::int as positions, count(*)::int as total
        from audit_entries`.execute(db);
    expect(rows[0]).toEqual({ unlinked: 0, positions: rows[0]!.total, total: rows[0]!.total });
    expect(verdict.checked).toBe(rows[0]!.total);
  });

  it('detects an entry altered after it was linked', async () => {
    const seq = await write('to alter');
    await linkAuditEntries(db);
    await sql`update audit_entries set record_id = 'altered' where seq = ${seq}`.execute(db);
    const verdict = await verifyAuditChain(db);
    expect(verdict.problem).toMatchObject({ kind: 'altered', seq: (await positionOf(seq)).position });
    await sql`update audit_entries set record_id = 'to alter' where seq = ${seq}`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
