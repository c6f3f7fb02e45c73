import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import { fieldError, AppError } from '../../platform/http/errors.ts';
import { jsonb } from '../../platform/db/json.ts';
import { memberKid, suspendMirroredMembers } from '../exchange/index.ts';
import type { TrustedAnchor } from './configuration.ts';
import { ensureCrossBorderServices } from './crossborder-services.ts';
import { federationNotFound, federationRows, partnerView, type PartnerView } from './agreements-store.ts';
import { mirrorPlan } from './mirror-plan.ts';
import { fetchFromPartner } from './partner-client.ts';
import { applyMirror, verifiedConfiguration, type SyncDeps } from './sync.ts';

export interface NewPartner {
  instance: string;
  baseUrl: string;
  /** The partner's anchor kid, as its administrators gave it out of band (letter, phone, signed agreement). */
  anchorKid: string;
}

/**
 * The partner's anchor, taken only when it is the one agreed: the kid given out of band must be
 * the thumbprint of the key the partner serves, and the partner must call itself by the agreed code.
 */
async function agreedAnchor(partner: NewPartner): Promise<TrustedAnchor> {
  const served = (await fetchFromPartner(partner.baseUrl, '/api/federation/anchor')) as { instance?: unknown; kid?: unknown; jwk?: { kty?: unknown; crv?: unknown; x?: unknown } } | null;
  const jwk = served?.jwk;
  if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new AppError(502, 'partner_unreachable', { baseUrl: partner.baseUrl, reason: 'no Ed25519 anchor served' });
  const anchor = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: jwk.x };
  const kid = memberKid(anchor);
  if (kid !== partner.anchorKid) throw fieldError(422, 'anchor_mismatch', '/anchorKid', { instance: partner.instance, expected: partner.anchorKid, received: kid });
  if (served?.instance !== partner.instance) throw fieldError(422, 'partner_instance_mismatch', '/instance', { baseUrl: partner.baseUrl, expected: partner.instance, received: String(served?.instance) });
  return { instance: partner.instance, kid, jwk: anchor };
}

/**
 * Federations between instances: established by an administrator who trusts the partner's anchor
 * (compared out of band), kept in step by synchronisation, ended by one action.
 */
export function federationAgreements(deps: SyncDeps) {
  const { db, exchange } = deps;

  /**
   * Trusts the partner's anchor, verifies its configuration with it, then records the agreement
   * and mirrors the partner in one transaction, and registers and grants the cross-border services.
   * An ended federation may be established again (its anchor is checked anew).
   */
  async function establish(context: ChangeContext, partner: NewPartner): Promise<PartnerView & { warnings: string[] }> {
    if (partner.instance === exchange.instance) throw fieldError(400, 'federation_with_itself', '/instance', { instance: partner.instance });
    const existing = await federationRows(db).where('instance', '=', partner.instance).executeTakeFirst();
    if (existing?.status === 'active') throw new AppError(409, 'federation_exists', { instance: partner.instance });
    const anchor = await agreedAnchor(partner);
    const plan = mirrorPlan(await verifiedConfiguration(anchor, partner.baseUrl), partner);
    const outcome = await db.transaction().execute(async (trx) => {
      const values = { base_url: partner.baseUrl, anchor_kid: anchor.kid, anchor_jwk: jsonb(anchor.jwk), status: 'active' as const, established_at: new Date(), established_by: context.actor.label, ended_at: null, ended_by: null, last_synced_at: new Date(), last_error: null };
      await trx.insertInto('federations').values({ instance: partner.instance, ...values }).onConflict((oc) => oc.column('instance').doUpdateSet(values)).execute();
      const result = await applyMirror(trx, context, partner.instance, plan);
      if (result.problems.length > 0) await trx.updateTable('federations').set({ last_error: result.problems.join('; ').slice(0, 2000) }).where('instance', '=', partner.instance).execute();
      await recordAudit(trx, context, {
        action: 'federation.established',
        recordType: 'federation',
        recordId: partner.instance,
        before: existing ? { status: existing.status, anchorKid: existing.anchor_kid } : null,
        after: { status: 'active', baseUrl: partner.baseUrl, anchorKid: anchor.kid },
        details: { members: plan.members.map((m) => m.identifier), documentKeys: plan.documentKeys.length, problems: result.problems },
      });
      return result;
    });
    exchange.invalidateRegistry();
    const missing = await ensureCrossBorderServices(db, context, exchange.instance, partner.instance);
    exchange.invalidateRegistry();
    return { ...(await partnerView(db, partner.instance)), warnings: [...outcome.problems, ...missing] };
  }

  /**
   * Ends a federation in one action: the partner's members are suspended (they neither call nor
   * answer any more: the exchange refuses a suspended member's keys), its document keys stop being
   * trusted (only an active federation's are), and no synchronisation runs again.
   */
  async function end(context: ChangeContext, instance: string): Promise<PartnerView> {
    await db.transaction().execute(async (trx) => {
      const row = await federationRows(trx).where('instance', '=', instance).forUpdate().executeTakeFirst();
      if (!row) throw federationNotFound(instance);
      if (row.status !== 'active') throw new AppError(409, 'federation_not_active', { instance });
      await trx.updateTable('federations').set({ status: 'ended', ended_at: new Date(), ended_by: context.actor.label }).where('instance', '=', instance).execute();
      const members = await trx.selectFrom('federation_members').select('member_id').where('instance', '=', instance).execute();
      const suspended = await suspendMirroredMembers(trx, context, members.map((m) => m.member_id), instance);
      await recordAudit(trx, context, {
        action: 'federation.ended',
        recordType: 'federation',
        recordId: instance,
        before: { status: 'active' },
        after: { status: 'ended' },
        details: { suspendedMembers: suspended },
      });
    });
    exchange.invalidateRegistry();
    return partnerView(db, instance);
  }

  return { establish, end };
}
