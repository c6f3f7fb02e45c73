import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ensureService, senderContext, type Exchange, type MessageContext } from '../exchange/index.ts';
import { CONFIRM_PERMIT, HOLD_PERMIT_QUANTITY, PERMIT_AGENCIES, PERMIT_SERVICES, SETTLE_PERMIT_HOLD, permitClientsOf, permitProviderOf, type PermitAnswer, type PermitQuestion, type SettleAnswer, type SettleHold } from './contract.ts';
import { judgePermit } from './judge.ts';
import { holdOf, permitOf, stateOf } from './store.ts';


const agencyIdOf = async (trx: Trx, code: string) => (await trx.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst())?.id ?? null;

/** Confirms a cited permit without changing anything. */
async function confirm(db: Db, agencyCode: string, question: PermitQuestion): Promise<PermitAnswer> {
  const permit = await permitOf(db, agencyCode, question.number);
  return judgePermit(permit && (await stateOf(db, permit, question.declarationId)), question).answer;
}

/**
 * Holds the declared quantity for a declaration when every check passes. The permit row is locked
 * first, so of two declarations racing for the last tonnes the second sees the first's hold.
 * Asking again for the same declaration replaces its hold (an amended quantity).
 */
async function hold(message: MessageContext & { trx: Trx }, agencyCode: string): Promise<PermitAnswer> {
  const question = message.body as PermitQuestion & { declarationId: string };
  const permit = await permitOf(message.trx, agencyCode, question.number, true);
  const judged = judgePermit(permit && (await stateOf(message.trx, permit, question.declarationId)), question);
  if (!permit || !judged.usable || judged.requested === null) return { ...judged.answer, held: false };
  await message.trx
    .insertInto('permit_holds')
    .values({ permit_id: permit.id, declaration_id: question.declarationId, quantity: judged.requested, state: 'held' })
    .onConflict((oc) => oc.columns(['permit_id', 'declaration_id']).doUpdateSet({ quantity: judged.requested!, state: 'held' }).where('permit_holds.state', '=', 'held'))
    .execute();
  await recordAudit(message.trx, senderContext(message), {
    action: 'permit.quantity_held',
    recordType: 'permit',
    recordId: permit.id,
    agencyId: await agencyIdOf(message.trx, agencyCode),
    after: { declarationId: question.declarationId, quantity: judged.requested, unit: permit.unit, available: (judged.answer.available ?? 0) - judged.requested },
    details: { number: permit.number },
  });
  return { ...judged.answer, held: true };
}

/** Draws down (on release) or releases (on rejection) a declaration's hold; settling twice changes nothing. */
async function settle(message: MessageContext & { trx: Trx }, agencyCode: string): Promise<SettleAnswer> {
  const request = message.body as SettleHold;
  const permit = await permitOf(message.trx, agencyCode, request.number, true);
  const current = permit && (await holdOf(message.trx, permit.id, request.declarationId));
  if (!permit || !current) return { number: request.number, declarationId: request.declarationId, state: 'none' };
  const quantity = Number(current.quantity);
  if (current.state !== 'held') return { number: permit.number, declarationId: request.declarationId, state: current.state, remaining: permit.quantity - permit.drawn };
  await message.trx.updateTable('permit_holds').set({ state: request.outcome, settled_at: new Date() }).where('permit_id', '=', permit.id).where('declaration_id', '=', request.declarationId).execute();
  const drawn = request.outcome === 'drawn' ? permit.drawn + quantity : permit.drawn;
  if (request.outcome === 'drawn') await message.trx.updateTable('permits').set({ drawn }).where('id', '=', permit.id).execute();
  await recordAudit(message.trx, senderContext(message), {
    action: request.outcome === 'drawn' ? 'permit.quantity_drawn' : 'permit.hold_released',
    recordType: 'permit',
    recordId: permit.id,
    agencyId: await agencyIdOf(message.trx, agencyCode),
    before: { drawn: permit.drawn },
    after: { drawn, declarationId: request.declarationId, quantity },
    details: { number: permit.number },
  });
  return { number: permit.number, declarationId: request.declarationId, state: request.outcome, remaining: permit.quantity - drawn };
}

/** Serves the register's three services for each agency keeping permits (call before the exchange starts). */
export function providePermitServices(exchange: Pick<Exchange, 'provide' | 'provideQuery'>, country: string): void {
  for (const agency of PERMIT_AGENCIES) {
    const provider = permitProviderOf(country, agency);
    exchange.provideQuery(provider, CONFIRM_PERMIT.code, CONFIRM_PERMIT.version, ({ db, body }) => confirm(db, agency, body as PermitQuestion));
    exchange.provide(provider, HOLD_PERMIT_QUANTITY.code, HOLD_PERMIT_QUANTITY.version, (message) => hold(message, agency));
    exchange.provide(provider, SETTLE_PERMIT_HOLD.code, SETTLE_PERMIT_HOLD.version, (message) => settle(message, agency));
  }
}

/**
 * The services in the registry, callable by customs; idempotent and audited. An agency that is
 * not a member of the exchange yet is skipped and named in the result.
 */
export async function ensurePermitServices(db: Db, context: ChangeContext, country: string): Promise<string[]> {
  const skipped: string[] = [];
  for (const agency of PERMIT_AGENCIES) {
    const provider = permitProviderOf(country, agency);
    const member = await db.selectFrom('exchange_members').select('id').where('identifier', '=', provider).executeTakeFirst();
    if (!member) {
      skipped.push(provider);
      continue;
    }
    for (const service of PERMIT_SERVICES) await ensureService(db, context, provider, service, permitClientsOf(country));
  }
  return skipped;
}

export interface NewPermit {
  number: string;
  type: string;
  agencyCode: string;
  holderTaxId: string;
  holderName: string;
  hsPrefix: string;
  unit: string;
  quantity: number;
  validFrom: string;
  validUntil: string;
  documentId?: string | null;
}

/** Enters a permit in the register (from an issued document, or a register taken over from before the platform). */
export async function recordPermit(db: Db, context: ChangeContext, permit: NewPermit): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('permits')
      .values({
        number: permit.number,
        type: permit.type,
        agency_code: permit.agencyCode,
        holder_tax_id: permit.holderTaxId,
        holder_name: permit.holderName,
        hs_prefix: permit.hsPrefix,
        unit: permit.unit,
        quantity: permit.quantity,
        valid_from: permit.validFrom,
        valid_until: permit.validUntil,
        document_id: permit.documentId ?? null,
      })
      .onConflict((oc) => oc.column('number').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError(409, 'permit_number_taken', { number: permit.number });
    await recordAudit(trx, context, {
      action: 'permit.recorded',
      recordType: 'permit',
      recordId: inserted.id,
      agencyId: await agencyIdOf(trx, permit.agencyCode),
      after: { ...permit },
      details: { number: permit.number },
    });
    return inserted.id;
  });
}

/** Revokes a permit: from then on it confirms as revoked and holds nothing more. */
export async function revokePermit(db: Db, context: ChangeContext, agencyCode: string, number: string, reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const permit = await permitOf(trx, agencyCode, number, true);
    if (!permit) throw new AppError(404, 'permit_not_found', { number });
    if (permit.revoked) return;
    await trx.updateTable('permits').set({ revoked_at: new Date(), revocation_reason: reason }).where('id', '=', permit.id).execute();
    await recordAudit(trx, context, { action: 'permit.revoked', recordType: 'permit', recordId: permit.id, agencyId: await agencyIdOf(trx, agencyCode), after: { reason }, details: { number } });
  });
}

/** A permit's quantities as the register keeps them (tests, the console). */
export async function permitBalance(db: Db, agencyCode: string, number: string) {
  const permit = await permitOf(db, agencyCode, number);
  if (!permit) throw new AppError(404, 'permit_not_found', { number });
  const holds = await db.selectFrom('permit_holds').select(['declaration_id', 'quantity', 'state']).where('permit_id', '=', permit.id).execute();
  return { ...permit, holds: holds.map((h) => ({ declarationId: h.declaration_id, quantity: Number(h.quantity), state: h.state })) };
}
