import canonicalize from 'canonicalize';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { mirrorMember, suspendMirroredMembers, type Exchange } from '../exchange/index.ts';
import { openConfiguration, type InstanceConfiguration, type TrustedAnchor } from './configuration.ts';
import { ensureCrossBorderServices } from './crossborder-services.ts';
import { activeFederation, federationRows } from './agreements-store.ts';
import { mirrorPlan, type MirrorPlan } from './mirror-plan.ts';
import { fetchFromPartner } from './partner-client.ts';

export interface SyncDeps {
  db: Db;
  exchange: Pick<Exchange, 'instance' | 'invalidateRegistry'>;
}

/** The partner's configuration, only when its trusted anchor signed it; refused with `partner_configuration_refused` otherwise. */
export async function verifiedConfiguration(anchor: TrustedAnchor, baseUrl: string, now = new Date()): Promise<InstanceConfiguration> {
  const opened = openConfiguration(await fetchFromPartner(baseUrl, '/api/federation/configuration'), anchor, now);
  if (!opened.ok) throw new AppError(502, 'partner_configuration_refused', { instance: anchor.instance, problem: opened.problem, detail: opened.detail });
  return opened.configuration;
}

const sameKeys = (a: readonly object[], b: readonly object[]) => canonicalize([...a].map((k) => canonicalize(k)).sort()) === canonicalize([...b].map((k) => canonicalize(k)).sort());

export interface MirrorOutcome {
  changed: boolean;
  problems: string[];
}

/**
 * Brings this instance's copy of a partner to its configuration, in the caller's transaction:
 * its members (mirrored, linked to the federation; those no longer published are suspended) and
 * its document keys. An identifier registered here otherwise is never taken over.
 */
export async function applyMirror(trx: Trx, context: ChangeContext, instance: string, plan: MirrorPlan): Promise<MirrorOutcome> {
  const problems = plan.refused.map((r) => `${r.identifier}: ${r.reason}`);
  let changed = false;
  const linked = await trx
    .selectFrom('federation_members as f')
    .innerJoin('exchange_members as m', 'm.id', 'f.member_id')
    .select(['m.id', 'm.identifier'])
    .where('f.instance', '=', instance)
    .execute();
  const seen = new Set<string>();
  for (const wanted of plan.members) {
    const ours = linked.find((l) => l.identifier === wanted.identifier);
    if (!ours && (await trx.selectFrom('exchange_members').select('id').where('identifier', '=', wanted.identifier).executeTakeFirst())) {
      problems.push(`${wanted.identifier}: registered here otherwise, not taken over`);
      continue;
    }
    const result = await mirrorMember(trx, context, wanted, { federation: instance });
    if (!ours) await trx.insertInto('federation_members').values({ member_id: result.member.id, instance }).execute();
    seen.add(result.member.id);
    changed ||= result.changed;
    problems.push(...result.problems.map((p) => `${wanted.identifier}: ${p}`));
  }
  const gone = linked.filter((l) => !seen.has(l.id)).map((l) => l.id);
  if ((await suspendMirroredMembers(trx, context, gone, instance)) > 0) changed = true;
  const held = await trx.selectFrom('federation_document_keys').select(['kid', 'agency_code as agencyCode', 'x', 'status']).where('instance', '=', instance).execute();
  if (!sameKeys(held, plan.documentKeys)) {
    changed = true;
    await trx.deleteFrom('federation_document_keys').where('instance', '=', instance).execute();
    if (plan.documentKeys.length > 0) {
      await trx.insertInto('federation_document_keys').values(plan.documentKeys.map((k) => ({ instance, kid: k.kid, agency_code: k.agencyCode, x: k.x, status: k.status }))).execute();
    }
    await recordAudit(trx, context, {
      action: 'federation.document_keys_updated',
      recordType: 'federation',
      recordId: instance,
      before: held.map((k) => k.kid).sort(),
      after: plan.documentKeys.map((k) => k.kid).sort(),
    });
  }
  return { changed, problems };
}

/**
 * One synchronisation with an active partner: fetch its configuration, verify it with the anchor
 * trusted at establishment, mirror it, then make sure the cross-border services are granted. A
 * failure is recorded on the agreement (`last_error`, audited when it changes) and changes nothing else.
 */
export async function syncPartner(deps: SyncDeps, context: ChangeContext, instance: string): Promise<MirrorOutcome> {
  const row = await activeFederation(deps.db, instance);
  let plan: MirrorPlan;
  try {
    const configuration = await verifiedConfiguration({ instance, kid: row.anchor_kid, jwk: row.anchor_jwk }, row.base_url);
    plan = mirrorPlan(configuration, { instance, baseUrl: row.base_url });
  } catch (error) {
    await recordSyncFailure(deps.db, context, instance, error);
    throw error;
  }
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const result = await applyMirror(trx, context, instance, plan);
    const lastError = result.problems.length > 0 ? result.problems.join('; ').slice(0, 2000) : null;
    await trx.updateTable('federations').set({ last_synced_at: new Date(), last_error: lastError }).where('instance', '=', instance).execute();
    if (result.changed || lastError !== row.last_error) {
      await recordAudit(trx, context, { action: 'federation.synced', recordType: 'federation', recordId: instance, details: { members: plan.members.length, documentKeys: plan.documentKeys.length, problems: result.problems } });
    }
    return result;
  });
  deps.exchange.invalidateRegistry();
  if (outcome.changed) {
    outcome.problems.push(...(await ensureCrossBorderServices(deps.db, context, deps.exchange.instance, instance)));
    deps.exchange.invalidateRegistry();
  }
  return outcome;
}

async function recordSyncFailure(db: Db, context: ChangeContext, instance: string, error: unknown): Promise<void> {
  const message = (error instanceof AppError ? `${error.code}: ${Object.values(error.params).join(' — ')}` : String(error)).slice(0, 2000);
  await db.transaction().execute(async (trx) => {
    const before = await federationRows(trx).where('instance', '=', instance).forUpdate().executeTakeFirst();
    if (!before || before.last_error === message) return;
    await trx.updateTable('federations').set({ last_error: message }).where('instance', '=', instance).execute();
    await recordAudit(trx, context, { action: 'federation.sync_failed', recordType: 'federation', recordId: instance, details: { error: message } });
  });
}

/** The scheduled job: every active partner in turn; one partner's failure does not stop the others. */
export async function syncAllPartners(deps: SyncDeps, context: ChangeContext): Promise<void> {
  const active = await federationRows(deps.db).where('status', '=', 'active').execute();
  for (const { instance } of active) {
    try {
      await syncPartner(deps, context, instance);
    } catch {
      // Recorded on the agreement by syncPartner; the next run tries again.
    }
  }
}

/** A partner's configuration is read again on demand at most this often (a key not known yet may be new). */
const REFRESH_AFTER_MS = 5_000;

/**
 * Synchronises one partner now, at most every few seconds: what a verifier does when a document
 * names a key it does not know, as the documents module reloads its own key set. Failures are
 * recorded on the agreement and otherwise ignored: the verifier then judges with what it holds.
 */
export function partnerRefresher(deps: SyncDeps, context: ChangeContext) {
  const last = new Map<string, number>();
  return async (instance: string): Promise<void> => {
    if (Date.now() - (last.get(instance) ?? 0) < REFRESH_AFTER_MS) return;
    last.set(instance, Date.now());
    try {
      await syncPartner(deps, context, instance);
    } catch {
      // Recorded by syncPartner.
    }
  };
}
