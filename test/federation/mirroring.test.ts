import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCountry } from '../../src/demo/seed.ts';
import { insertMember, memberKid, type MirroredMember } from '../../src/modules/exchange/index.ts';
import type { PartnerDocumentKey } from '../../src/modules/federation/mirror-plan.ts';
import { applyMirror } from '../../src/modules/federation/sync.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { publicJwkOf } from '../../src/platform/crypto/signing-keys-jwk.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { jsonb } from '../../src/platform/db/json.ts';
import { openTestDatabase } from '../support/db.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoCountry(database.db, { instance: 'KD' });
  const anchor = publicJwkOf(generateKeyPairSync('ed25519').publicKey);
  await database.db.insertInto('federations').values({ instance: 'KB', base_url: 'https://guichet.kb.example', anchor_kid: memberKid(anchor), anchor_jwk: jsonb(anchor), established_by: 'test' }).execute();
});
afterAll(async () => {
  await database.close();
});

const context = systemContext('federation test');
const newKey = () => {
  const jwk = publicJwkOf(generateKeyPairSync('ed25519').publicKey);
  return { kid: memberKid(jwk), jwk };
};
const customs = (keys: MirroredMember['keys']): MirroredMember => ({ identifier: 'KB/GOV/CUSTOMS', kind: 'external_system', names: { fr: 'Douanes KB', ar: 'جمارك', en: 'KB Customs' }, endpoint: 'https://guichet.kb.example', keys });
const mirror = (members: MirroredMember[], documentKeys: PartnerDocumentKey[] = []) =>
  database.db.transaction().execute((trx) => applyMirror(trx, context, 'KB', { members, refused: [], documentKeys }));
const keysOf = (identifier: string) =>
  database.db.selectFrom('exchange_member_keys as k').innerJoin('exchange_members as m', 'm.id', 'k.member_id').select(['k.kid', 'k.status']).where('m.identifier', '=', identifier).orderBy('k.created_at').execute();
const statusOf = async (identifier: string) => (await database.db.selectFrom('exchange_members').select('status').where('identifier', '=', identifier).executeTakeFirstOrThrow()).status;

describe("mirroring a partner's members", () => {
  it('registers them with their keys, then revokes the keys no longer published', async () => {
    const first = newKey();
    expect(await mirror([customs([first])])).toEqual({ changed: true, problems: [] });
    expect(await keysOf('KB/GOV/CUSTOMS')).toEqual([{ kid: first.kid, status: 'active' }]);
    expect(await mirror([customs([first])])).toEqual({ changed: false, problems: [] });
    const second = newKey();
    await mirror([customs([second])]);
    expect(await keysOf('KB/GOV/CUSTOMS')).toEqual([{ kid: first.kid, status: 'revoked' }, { kid: second.kid, status: 'active' }]);
    // Published again, a revoked key is not trusted again.
    await mirror([customs([first, second])]);
    expect((await keysOf('KB/GOV/CUSTOMS')).find((k) => k.kid === first.kid)?.status).toBe('revoked');
  });

  it("never takes over a member registered here, nor files a key under another member's name", async () => {
    const ours = newKey();
    await database.db.transaction().execute(async (trx) => {
      const member = await trx.selectFrom('exchange_members').select('id').where('identifier', '=', 'KD/GOV/CUSTOMS').executeTakeFirstOrThrow();
      await trx.insertInto('exchange_member_keys').values({ kid: ours.kid, member_id: member.id, public_jwk: jsonb(ours.jwk) }).execute();
      await insertMember(trx, context, { identifier: 'KB/EXT/BROKER', kind: 'external_system', names: { fr: 'Courtier', ar: 'وسيط', en: 'Broker' } });
    });
    const outcome = await mirror([customs([newKey()]), { ...customs([ours]), identifier: 'KB/GOV/COMMERCE' }, { ...customs([]), identifier: 'KB/EXT/BROKER' }]);
    expect(outcome.problems.sort()).toEqual(['KB/EXT/BROKER: registered here otherwise, not taken over', `KB/GOV/COMMERCE: key ${ours.kid} belongs to another member`]);
    expect(await keysOf('KD/GOV/CUSTOMS')).toEqual([{ kid: ours.kid, status: 'active' }]);
    expect(await keysOf('KB/GOV/COMMERCE')).toEqual([]);
  });

  it('suspends a member the partner no longer publishes, and makes it active when published again', async () => {
    const key = newKey();
    await mirror([customs([key])]);
    await mirror([]);
    expect(await statusOf('KB/GOV/CUSTOMS')).toBe('suspended');
    await mirror([customs([key])]);
    expect(await statusOf('KB/GOV/CUSTOMS')).toBe('active');
  });

  it('keeps the audit trail of every change', async () => {
    const actions = await database.db.selectFrom('audit_entries').select('action').where('actor_label', '=', 'federation test').execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['exchange.member_registered', 'exchange.key_added', 'exchange.key_revoked', 'exchange.member_suspended', 'exchange.member_reactivated']));
  });
});
