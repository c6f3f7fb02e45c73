import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit, systemContext } from '../../platform/audit/record.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import type { Db } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { AppError } from '../../platform/http/errors.ts';
import { memberKid } from './members-keys.ts';
import { coveringIdentifiers } from './registry-snapshot.ts';
import type { Signer } from './signing.ts';

/**
 * The member `identifier` acts as when it is served by this instance: itself, or the member whose
 * subsystem it is. The most specific registered one decides, so an outside subsystem of a local
 * agency (its own system, with an endpoint) is not served here. Refused with `not_served_here`.
 */
export async function servedMember(db: Db, identifier: string) {
  const candidates = coveringIdentifiers(identifier);
  const member = candidates.length
    ? await db.selectFrom('exchange_members').select(['id', 'identifier', 'endpoint', 'agency_id']).where('identifier', 'in', candidates).orderBy(sql`length(identifier)`, 'desc').executeTakeFirst()
    : undefined;
  if (!member || member.endpoint !== null) throw new AppError(422, 'not_served_here', { identifier });
  return member;
}

export interface LocalSigners {
  /**
   * The signer of `identifier` (a member served by this instance, or one of its subsystems): its
   * newest active key, created on first use. Refused with `not_served_here` for anyone else.
   */
  signerFor(identifier: string): Promise<Signer>;
  /** Forgets cached keys, e.g. after a key of a local member was retired or revoked. */
  forget(): void;
}

/**
 * This instance holds the private keys of its own members (its agencies), as an X-Road security
 * server does: generated here, sealed with the server key, never leaving; the public half goes into
 * the registry like any member's key, so every verifier treats them alike.
 */
export function localSigners(db: Db, box: SecretBox, onNewKey: () => void): LocalSigners {
  const cache = new Map<string, Promise<Signer>>();

  async function load(identifier: string): Promise<Signer> {
    const member = await servedMember(db, identifier);
    return db.transaction().execute(async (trx) => {
      // One key is created even when several first calls race: they queue on the member row.
      await trx.selectFrom('exchange_members').select('id').where('id', '=', member.id).forUpdate().execute();
      const existing = await trx
        .selectFrom('exchange_local_keys as l')
        .innerJoin('exchange_member_keys as k', 'k.kid', 'l.kid')
        .select(['l.kid', 'l.sealed_private_key'])
        .where('l.member_id', '=', member.id)
        .where('k.status', '=', 'active')
        .orderBy('l.created_at', 'desc')
        .executeTakeFirst();
      if (existing) return { keyId: existing.kid, privateKey: createPrivateKey(box.open(existing.sealed_private_key)), created: false };
      const { privateKey } = generateKeyPairSync('ed25519');
      const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as OkpPublicJwk;
      const publicJwk: OkpPublicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
      const kid = memberKid(publicJwk);
      await trx.insertInto('exchange_member_keys').values({ kid, member_id: member.id, public_jwk: jsonb(publicJwk) }).execute();
      await trx.insertInto('exchange_local_keys').values({ kid, member_id: member.id, sealed_private_key: box.seal(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()) }).execute();
      await recordAudit(trx, systemContext('exchange'), {
        action: 'exchange.key_generated',
        recordType: 'exchange_member_key',
        recordId: kid,
        agencyId: member.agency_id,
        after: { kid, member: member.identifier, jwk: publicJwk },
      });
      return { keyId: kid, privateKey: privateKey as KeyObject, created: true };
    }).then(({ created, ...signer }) => {
      // Verifiers in this process must know the new key before its first message arrives.
      if (created) onNewKey();
      return signer;
    });
  }

  return {
    signerFor(identifier) {
      let signer = cache.get(identifier);
      if (!signer) {
        signer = load(identifier);
        cache.set(identifier, signer);
        signer.catch(() => cache.delete(identifier));
      }
      return signer;
    },
    forget: () => cache.clear(),
  };
}
