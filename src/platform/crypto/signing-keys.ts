import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { recordAudit, type ChangeContext } from '../audit/record.ts';
import { agencyScope, assertAllowed, type Principal } from '../auth/policy.ts';
import type { Db, Trx } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import type { SecretBox } from './secret-box.ts';
import { kidBytesOf, kidOf, publicJwkOf, type PublishedKey, type VerificationKey } from './signing-keys-jwk.ts';

/** Signs for one agency with its active key. */
export interface Signer {
  kid: string;
  /** The kid as the COSE header carries it (8 bytes). */
  kidBytes: Buffer;
  agencyCode: string;
  /** Ed25519 (RFC 8032) signature of `data`: 64 bytes. */
  sign(data: Uint8Array): Buffer;
}

export interface SigningKeySummary {
  kid: string;
  agencyCode: string;
  status: 'active' | 'retired';
  createdAt: string;
  retiredAt: string | null;
}

export interface SigningKeysDeps {
  db: Db;
  box: SecretBox;
}

/** A verifier asking for a kid it does not know reloads the key set at most this often. */
const RELOAD_AFTER_MS = 5_000;

type KeyRow = { kid: string; agency_id: string; agency_code: string; public_key: string; status: 'active' | 'retired'; created_at: Date; retired_at: Date | null };

/**
 * Each agency signs its documents with its own Ed25519 key. The private key is generated here and
 * stored sealed with the server key; only its public half ever leaves (the JWKS). An agency's first
 * key is created when it first signs; rotation retires the active key and creates the next one.
 * Retired keys stay published, so every document signed earlier still verifies.
 */
export function createSigningKeys({ db, box }: SigningKeysDeps) {
  const privateKeys = new Map<string, KeyObject>();
  let ring: { keys: Map<string, VerificationKey>; published: PublishedKey[]; loadedAt: number } | undefined;

  const keyRows = (executor: Db | Trx) =>
    executor
      .selectFrom('signing_keys')
      .innerJoin('agencies', 'agencies.id', 'signing_keys.agency_id')
      .select(['signing_keys.kid', 'signing_keys.agency_id', 'agencies.code as agency_code', 'signing_keys.public_key', 'signing_keys.status', 'signing_keys.created_at', 'signing_keys.retired_at'])
      .orderBy('agencies.code')
      .orderBy('signing_keys.created_at');

  async function loadRing() {
    const rows: KeyRow[] = await keyRows(db).execute();
    const keys = new Map<string, VerificationKey>();
    const published: PublishedKey[] = [];
    for (const row of rows) {
      const jwk = { kty: 'OKP', crv: 'Ed25519', x: row.public_key } as const;
      keys.set(row.kid, { kid: row.kid, agencyCode: row.agency_code, publicKey: ring?.keys.get(row.kid)?.publicKey ?? createPublicKey({ key: { ...jwk }, format: 'jwk' }) });
      published.push({ ...jwk, kid: row.kid, alg: 'EdDSA', use: 'sig', iss: row.agency_code, status: row.status });
    }
    ring = { keys, published, loadedAt: Date.now() };
    return ring;
  }

  /** The keys verifiers trust, by kid. `refresh` reloads (throttled): a kid not seen yet may have been created by another process. */
  async function verificationKeys(options: { refresh?: boolean } = {}): Promise<ReadonlyMap<string, VerificationKey>> {
    if (!ring || (options.refresh && Date.now() - ring.loadedAt > RELOAD_AFTER_MS)) return (await loadRing()).keys;
    return ring.keys;
  }

  /** Every key, active and retired: the JWKS. Reloaded on each call so a rotation elsewhere shows at once. */
  async function published(): Promise<PublishedKey[]> {
    return (await loadRing()).published;
  }

  async function agencyIdOf(executor: Db | Trx, agencyCode: string, lock = false): Promise<string> {
    let query = executor.selectFrom('agencies').select('id').where('code', '=', agencyCode);
    if (lock) query = query.forNoKeyUpdate();
    const agency = await query.executeTakeFirst();
    if (!agency) throw notFound('agency', agencyCode);
    return agency.id;
  }

  /** Generates a key pair and stores it as the agency's active key (the caller has retired the previous one). */
  async function insertKey(trx: Trx, agencyId: string): Promise<string> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = publicJwkOf(publicKey);
    const kid = kidOf(jwk);
    await trx
      .insertInto('signing_keys')
      .values({ kid, agency_id: agencyId, public_key: jwk.x, private_key_sealed: box.seal(privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')), status: 'active' })
      .execute();
    privateKeys.set(kid, privateKey);
    return kid;
  }

  /**
   * Retires the agency's active key (if any) and creates the next one, in one transaction; with
   * `first`, only creates one when the agency has none. The agency row is locked (FOR NO KEY UPDATE,
   * which leaves foreign-key checks free) so two rotations, or a rotation and a first signature,
   * run one after the other.
   */
  async function replaceActiveKey(context: ChangeContext, agencyCode: string, mode: 'rotate' | 'first'): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const agencyId = await agencyIdOf(trx, agencyCode, true);
      const active = await trx.selectFrom('signing_keys').select('kid').where('agency_id', '=', agencyId).where('status', '=', 'active').executeTakeFirst();
      if (mode === 'first' && active) return;
      if (active) await trx.updateTable('signing_keys').set({ status: 'retired', retired_at: new Date() }).where('kid', '=', active.kid).execute();
      const created = await insertKey(trx, agencyId);
      await recordAudit(trx, context, {
        action: mode === 'first' ? 'signing_key.created' : 'signing_key.rotated',
        recordType: 'signing_key',
        recordId: created,
        agencyId,
        before: active ? { activeKid: active.kid } : null,
        after: { activeKid: created },
        details: { agencyCode, kid: created, retiredKid: active?.kid ?? null },
      });
    });
    await loadRing();
  }

  /** Rotation without a principal: the CLI (`guichet keys rotate AGENCY`), run by the operator. */
  const rotateKey = (context: ChangeContext, agencyCode: string) => replaceActiveKey(context, agencyCode, 'rotate');

  const activeRow = (agencyCode: string) =>
    db
      .selectFrom('signing_keys')
      .innerJoin('agencies', 'agencies.id', 'signing_keys.agency_id')
      .select(['signing_keys.kid', 'signing_keys.public_key', 'signing_keys.private_key_sealed'])
      .where('agencies.code', '=', agencyCode)
      .where('signing_keys.status', '=', 'active')
      .executeTakeFirst();

  /** The agency's active signer; its first key is created (and audited) on first use. */
  async function signerFor(agencyCode: string, context: ChangeContext): Promise<Signer> {
    let row = await activeRow(agencyCode);
    if (!row) {
      await replaceActiveKey(context, agencyCode, 'first');
      row = await activeRow(agencyCode);
      if (!row) throw new Error(`no active signing key for ${agencyCode}`);
    }
    const { kid } = row;
    let privateKey = privateKeys.get(kid);
    if (!privateKey) {
      privateKey = createPrivateKey({ key: Buffer.from(box.open(row.private_key_sealed), 'base64'), format: 'der', type: 'pkcs8' });
      privateKeys.set(kid, privateKey);
    }
    const key = privateKey;
    return { kid, kidBytes: kidBytesOf({ kty: 'OKP', crv: 'Ed25519', x: row.public_key }), agencyCode, sign: (data) => sign(null, data, key) };
  }

  const summaryOf = (row: KeyRow): SigningKeySummary => ({
    kid: row.kid,
    agencyCode: row.agency_code,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    retiredAt: row.retired_at?.toISOString() ?? null,
  });

  /** The keys of the agencies the principal manages (every agency for a platform administrator). */
  async function list(principal: Principal): Promise<SigningKeySummary[]> {
    const scope = agencyScope(principal, 'keys.manage');
    if (scope && scope.length === 0) return [];
    let query = keyRows(db);
    if (scope) query = query.where('signing_keys.agency_id', 'in', scope);
    return (await query.execute()).map(summaryOf);
  }

  async function rotate(principal: Principal, context: ChangeContext, agencyCode: string): Promise<SigningKeySummary[]> {
    assertAllowed(principal, 'keys.manage', { agencyId: await agencyIdOf(db, agencyCode) });
    await rotateKey(context, agencyCode);
    return list(principal);
  }

  return { signerFor, rotate, rotateKey, list, published, verificationKeys };
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
