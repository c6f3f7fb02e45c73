import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { recordAudit, systemContext } from '../../platform/audit/record.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { publicJwkOf, type OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import type { Db } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { memberKid } from '../exchange/index.ts';

/** What a partner's administrator is given, and compares with the kid they were told out of band. */
export interface PublicAnchor {
  instance: string;
  kid: string;
  jwk: OkpPublicJwk;
}

export interface RegistryAnchor {
  publicAnchor(): Promise<PublicAnchor>;
  /** Signs with the anchor's private key: Ed25519 (RFC 8032), 64 bytes. */
  signer(): Promise<{ kid: string; sign(data: Buffer): Buffer }>;
}

/**
 * The instance's registry anchor, as X-Road's configuration anchor: one Ed25519 key that signs the
 * instance's published configuration, so a partner that trusts it (once, by comparing its kid out
 * of band) can trust every member and key the configuration lists. Created on first use; the
 * private half is sealed with the server key and never leaves.
 */
export function registryAnchor(db: Db, box: SecretBox, instance: string): RegistryAnchor {
  let loaded: Promise<{ anchor: PublicAnchor; privateKey: KeyObject }> | undefined;

  async function create(): Promise<void> {
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = publicJwkOf(privateKey);
    const kid = memberKid(jwk);
    await db.transaction().execute(async (trx) => {
      // Two first uses racing (two processes) keep the first key: the anchor is one row.
      const inserted = await trx
        .insertInto('federation_anchor')
        .values({ kid, public_jwk: jsonb(jwk), sealed_private_key: box.seal(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()) })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('kid')
        .executeTakeFirst();
      if (inserted) await recordAudit(trx, systemContext('federation'), { action: 'federation.anchor_created', recordType: 'federation_anchor', recordId: kid, after: { instance, kid, jwk } });
    });
  }

  async function load() {
    let row = await db.selectFrom('federation_anchor').selectAll().executeTakeFirst();
    if (!row) {
      await create();
      row = await db.selectFrom('federation_anchor').selectAll().executeTakeFirstOrThrow();
    }
    return { anchor: { instance, kid: row.kid, jwk: row.public_jwk }, privateKey: createPrivateKey(box.open(row.sealed_private_key)) };
  }

  function current() {
    if (!loaded) {
      loaded = load();
      loaded.catch(() => (loaded = undefined));
    }
    return loaded;
  }

  return {
    publicAnchor: async () => (await current()).anchor,
    async signer() {
      const { anchor, privateKey } = await current();
      return { kid: anchor.kid, sign: (data: Buffer) => sign(null, data, privateKey) };
    },
  };
}
