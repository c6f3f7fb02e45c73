import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import { ExchangeRefusal, type Exchange } from '../exchange/index.ts';
import type { Customs } from '../customs/index.ts';
import { CONTAINER_GATE_OUT, type GateOutMessage } from './contract.ts';
import { judgeLine, type LineJudgement } from './matching.ts';
import { linesOf, type StoredLine } from './store.ts';

export interface MatchingDeps {
  exchange: Pick<Exchange, 'send'>;
  customs: Pick<Customs, 'declarationsForTransport'>;
  /** This customs administration's member identifier: the sender of gate-out messages. */
  customsMember: string;
}

export interface LineChange {
  billOfLading: string;
  discrepancy: string | null;
  gateOut: string;
}

/** Loose cargo under a bill, without a container, has one gate-out decision under this key. */
const LOOSE = '';

/** What is stored for a line, in a form two judgements compare by. */
const stateOf = (judged: LineJudgement) =>
  JSON.stringify({
    matches: judged.matches.map((m) => [m.declaration.id, m.declaration.state, m.by]).sort(),
    discrepancy: judged.discrepancy,
    gateOut: judged.gateOut,
  });

/** What is stored for each line of the manifest, in the form `stateOf` gives: three reads for the whole manifest. */
async function storedStates(trx: Trx, lines: readonly StoredLine[]): Promise<Map<string, string>> {
  const ids = lines.map((l) => l.id);
  if (ids.length === 0) return new Map();
  const matches = await trx.selectFrom('port_line_matches').select(['line_id', 'declaration_id', 'declaration_state', 'matched_by']).where('line_id', 'in', ids).execute();
  const discrepancies = await trx.selectFrom('port_discrepancies').select(['line_id', 'kind', 'manifested_kg', 'declared_kg']).where('line_id', 'in', ids).execute();
  const gates = await trx.selectFrom('port_gate_outs').select(['line_id', 'decision', 'reason']).where('line_id', 'in', ids).execute();
  const matchesOf = Map.groupBy(matches, (m) => m.line_id);
  const discrepancyOf = new Map(discrepancies.map((d) => [d.line_id, d]));
  // Every container of a line has the same decision: one stands for the line.
  const gateOf = new Map(gates.map((g) => [g.line_id, g]));
  return new Map(
    ids.map((id) => {
      const discrepancy = discrepancyOf.get(id);
      const gate = gateOf.get(id);
      const state = JSON.stringify({
        matches: (matchesOf.get(id) ?? []).map((m) => [m.declaration_id, m.declaration_state, m.matched_by]).sort(),
        discrepancy: discrepancy ? { kind: discrepancy.kind, manifestedKg: Number(discrepancy.manifested_kg), declaredKg: discrepancy.declared_kg === null ? null : Number(discrepancy.declared_kg) } : null,
        gateOut: gate ? (gate.decision === 'allowed' ? { allowed: true } : { allowed: false, reason: gate.reason }) : null,
      });
      return [id, state];
    }),
  );
}

/**
 * Matches every line of a manifest against the declarations now lodged, in the caller's
 * transaction, and stores what changed: matches, the discrepancy, the gate-out decision. A line
 * whose containers become free to leave sends the port one signed `container-gate-out` message
 * (exchange outbox, delivered after commit). Audited when anything changed, unless the caller
 * audits the whole change itself (`audit` false); returns the lines changed.
 */
export async function rematchManifest(trx: Trx, deps: MatchingDeps, context: ChangeContext, manifestId: string, audit = true): Promise<LineChange[]> {
  const manifest = await trx.selectFrom('port_manifests').select(['id', 'reference', 'port_member']).where('id', '=', manifestId).forUpdate().executeTakeFirstOrThrow();
  const lines = await linesOf(trx, manifestId);
  const candidates = await deps.customs.declarationsForTransport(trx, { transportDocuments: lines.map((l) => l.billOfLading), containers: lines.flatMap((l) => l.containers) });
  const stored = await storedStates(trx, lines);
  const changed: LineChange[] = [];
  for (const line of lines) {
    const judged = judgeLine(line, candidates);
    const before = stored.get(line.id) ?? '{}';
    if (before === stateOf(judged)) continue;
    const wasAllowed = (JSON.parse(before) as { gateOut: { allowed: boolean } | null }).gateOut?.allowed === true;
    await storeJudgement(trx, manifestId, line, judged);
    const messageId = judged.gateOut.allowed && !wasAllowed ? await tellPort(trx, deps, manifest, line, judged) : null;
    await storeGateOut(trx, line, judged, messageId);
    changed.push({ billOfLading: line.billOfLading, discrepancy: judged.discrepancy?.kind ?? null, gateOut: judged.gateOut.allowed ? 'allowed' : judged.gateOut.reason });
  }
  await trx.updateTable('port_manifests').set({ matched_at: new Date() }).where('id', '=', manifestId).execute();
  if (audit && changed.length > 0) {
    await recordAudit(trx, context, { action: 'port.manifest_matched', recordType: 'port_manifest', recordId: manifestId, after: { lines: changed }, details: { reference: manifest.reference } });
  }
  return changed;
}

async function storeJudgement(trx: Trx, manifestId: string, line: StoredLine, judged: LineJudgement): Promise<void> {
  await trx.deleteFrom('port_line_matches').where('line_id', '=', line.id).execute();
  await trx.deleteFrom('port_discrepancies').where('line_id', '=', line.id).execute();
  if (judged.matches.length > 0) {
    await trx
      .insertInto('port_line_matches')
      .values(judged.matches.map((m) => ({ line_id: line.id, declaration_id: m.declaration.id, declaration_reference: m.declaration.reference, declaration_state: m.declaration.state, released: m.declaration.released, matched_by: m.by })))
      .execute();
  }
  if (judged.discrepancy) {
    const { kind, manifestedKg, declaredKg } = judged.discrepancy;
    await trx.insertInto('port_discrepancies').values({ line_id: line.id, manifest_id: manifestId, kind, manifested_kg: manifestedKg, declared_kg: declaredKg }).execute();
  }
}

/** One decision per container (or one for loose cargo); an allowed one keeps the id of the message that said so. */
async function storeGateOut(trx: Trx, line: StoredLine, judged: LineJudgement, messageId: string | null): Promise<void> {
  const decision = judged.gateOut.allowed ? 'allowed' : 'refused';
  const reason = judged.gateOut.allowed ? null : judged.gateOut.reason;
  for (const container of line.containers.length ? line.containers : [LOOSE]) {
    await trx
      .insertInto('port_gate_outs')
      .values({ line_id: line.id, container, decision, reason, message_id: messageId })
      .onConflict((oc) => oc.columns(['line_id', 'container']).doUpdateSet({ decision, reason, message_id: messageId, decided_at: new Date() }))
      .execute();
  }
}

/** The signed message to the port; a port that is not (or no longer) a member is simply not told. */
async function tellPort(trx: Trx, deps: MatchingDeps, manifest: { reference: string; port_member: string }, line: StoredLine, judged: LineJudgement): Promise<string | null> {
  const body: GateOutMessage = {
    manifestReference: manifest.reference,
    billOfLading: line.billOfLading,
    containers: line.containers,
    declarations: judged.matches.map((m) => m.declaration.reference),
    allowedAt: new Date().toISOString(),
  };
  try {
    return await deps.exchange.send(trx, { client: deps.customsMember, provider: manifest.port_member, service: CONTAINER_GATE_OUT.code, version: CONTAINER_GATE_OUT.version, body });
  } catch (error) {
    if (error instanceof ExchangeRefusal && error.code === 'unknown_member') return null;
    throw error;
  }
}
