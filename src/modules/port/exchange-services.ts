import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { ensureService, findMember, senderContext, type Exchange } from '../exchange/index.ts';
import { CONTAINER_GATE_OUT, GATE_OUT_STATUS, SUBMIT_CARGO_MANIFEST, customsMemberOf, portMemberOf } from './contract.ts';
import type { MatchingDeps } from './rematch.ts';
import { receiveManifest, type ManifestSubmission } from './submit.ts';
import { gateOutStatus } from './views.ts';

/**
 * Customs' two services to the port community system. A refused manifest is an answer, signed like
 * any other (`status: refused` with the error the API would give), so the port's system learns
 * what to fix; nothing of it is stored.
 */
export function providePortServices(exchange: Pick<Exchange, 'provide' | 'provideQuery'>, deps: MatchingDeps & { country: string }): void {
  const customs = customsMemberOf(deps.country);
  exchange.provide(customs, SUBMIT_CARGO_MANIFEST.code, SUBMIT_CARGO_MANIFEST.version, async (message) => {
    const submission = message.body as ManifestSubmission;
    try {
      const stored = await receiveManifest(message.trx, deps, senderContext(message), { portMember: message.client, submittedBy: message.client }, submission);
      const lines = await message.trx.selectFrom('port_manifest_lines').select(['id']).where('manifest_id', '=', stored.id).execute();
      const discrepancies = await message.trx.selectFrom('port_discrepancies').select('line_id').where('manifest_id', '=', stored.id).execute();
      const reference = (await message.trx.selectFrom('port_manifests').select('reference').where('id', '=', stored.id).executeTakeFirstOrThrow()).reference;
      return { status: stored.created ? 'accepted' : 'unchanged', reference, lines: lines.length, discrepancies: discrepancies.length };
    } catch (error) {
      // Refused before anything was written (receiveManifest checks first), so the transaction holds nothing of it.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const message_ = translate('en', `errors.${error.code}`, error.params);
      return { status: 'refused', error: { code: error.code, message: message_, ...(error.details === undefined ? {} : { details: error.details }) } };
    }
  });
  exchange.provideQuery(customs, GATE_OUT_STATUS.code, GATE_OUT_STATUS.version, ({ db, body }) => gateOutStatus(db, (body as { container: string }).container));
}

/** Whether the registry knows this member (another instance code has other members). */
export async function isMember(db: Db, identifier: string): Promise<boolean> {
  try {
    await findMember(db, identifier);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'member_not_found') return false;
    throw error;
  }
}

/**
 * The three services in the registry with their rights, idempotently: customs serves the port,
 * the port serves customs. Skipped when the port or customs is not a member; returns those missing.
 */
export async function ensurePortServices(db: Db, context: ChangeContext, country: string): Promise<string[]> {
  const port = portMemberOf(country);
  const customs = customsMemberOf(country);
  const missing = [];
  for (const member of [port, customs]) if (!(await isMember(db, member))) missing.push(member);
  if (missing.length > 0) return missing;
  await ensureService(db, context, customs, SUBMIT_CARGO_MANIFEST, [port]);
  await ensureService(db, context, customs, GATE_OUT_STATUS, [port]);
  await ensureService(db, context, port, CONTAINER_GATE_OUT, [customs]);
  return [];
}
