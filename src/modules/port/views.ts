import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { linesOf } from './store.ts';

export interface ManifestSummary {
  id: string;
  reference: string;
  portMember: string;
  format: 'json' | 'cuscar';
  transportMode: 'sea' | 'air';
  meansId: string;
  voyage: string;
  portOfArrival: string;
  arrivalDate: string;
  receivedAt: string;
  lineCount: number;
  discrepancyCount: number;
}

const summaryQuery = (db: Db) =>
  db
    .selectFrom('port_manifests as m')
    .select((eb) => [
      'm.id', 'm.reference', 'm.port_member', 'm.format', 'm.transport_mode', 'm.means_id', 'm.voyage', 'm.port_of_arrival', 'm.arrival_date', 'm.received_at',
      eb.selectFrom('port_manifest_lines as l').select(eb.fn.countAll<number>().as('n')).whereRef('l.manifest_id', '=', 'm.id').as('lines'),
      eb.selectFrom('port_discrepancies as d').select(eb.fn.countAll<number>().as('n')).whereRef('d.manifest_id', '=', 'm.id').as('discrepancies'),
    ]);

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

const summaryOf = (row: SummaryRow): ManifestSummary => ({
  id: row.id,
  reference: row.reference,
  portMember: row.port_member,
  format: row.format,
  transportMode: row.transport_mode,
  meansId: row.means_id,
  voyage: row.voyage,
  portOfArrival: row.port_of_arrival,
  arrivalDate: String(row.arrival_date).slice(0, 10),
  receivedAt: row.received_at.toISOString(),
  lineCount: Number(row.lines ?? 0),
  discrepancyCount: Number(row.discrepancies ?? 0),
});

/** Newest first; `withDiscrepancies` keeps those an officer has to look at. */
export async function listManifests(db: Db, filter: { withDiscrepancies?: boolean; limit: number }): Promise<ManifestSummary[]> {
  let query = summaryQuery(db);
  if (filter.withDiscrepancies) query = query.where((eb) => eb.exists(eb.selectFrom('port_discrepancies as d').select('d.line_id').whereRef('d.manifest_id', '=', 'm.id')));
  return (await query.orderBy('m.received_at', 'desc').limit(filter.limit).execute()).map(summaryOf);
}

/** One manifest with each line's matches, discrepancy and gate-out decision. */
export async function manifestDetail(db: Db, id: string) {
  const row = await summaryQuery(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('port_manifest', id);
  const lines = await linesOf(db, id);
  const ids = lines.map((l) => l.id);
  const matches = await db.selectFrom('port_line_matches').selectAll().where('line_id', 'in', ids).orderBy('declaration_reference').execute();
  const discrepancies = await db.selectFrom('port_discrepancies').selectAll().where('line_id', 'in', ids).execute();
  const gates = await db.selectFrom('port_gate_outs').selectAll().where('line_id', 'in', ids).orderBy('container').execute();
  return {
    ...summaryOf(row),
    lines: lines.map(({ id: lineId, ...line }) => {
      const discrepancy = discrepancies.find((d) => d.line_id === lineId);
      return {
        ...line,
        matches: matches.filter((m) => m.line_id === lineId).map((m) => ({ declarationId: m.declaration_id, reference: m.declaration_reference, state: m.declaration_state, released: m.released, matchedBy: m.matched_by })),
        discrepancy: discrepancy ? { kind: discrepancy.kind, manifestedKg: Number(discrepancy.manifested_kg), declaredKg: discrepancy.declared_kg === null ? null : Number(discrepancy.declared_kg) } : null,
        gateOut: gates.filter((g) => g.line_id === lineId).map((g) => ({ container: g.container, decision: g.decision, reason: g.reason, messageId: g.message_id, decidedAt: g.decided_at.toISOString() })),
      };
    }),
  };
}

export type ManifestDetail = Awaited<ReturnType<typeof manifestDetail>>;

/** Whether a container may leave, from the latest manifest naming it (the port's `gate-out-status`). */
export async function gateOutStatus(db: Db, container: string) {
  const row = await db
    .selectFrom('port_manifest_containers as c')
    .innerJoin('port_manifest_lines as l', 'l.id', 'c.line_id')
    .innerJoin('port_manifests as m', 'm.id', 'l.manifest_id')
    .leftJoin('port_gate_outs as g', (join) => join.onRef('g.line_id', '=', 'c.line_id').onRef('g.container', '=', 'c.container'))
    .select(['l.id as lineId', 'm.reference', 'l.bill_of_lading', 'g.decision', 'g.reason'])
    .where('c.container', '=', container)
    .orderBy('m.received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { container, decision: 'refused' as const, reason: 'not_manifested' as const };
  const declarations = (await db.selectFrom('port_line_matches').select('declaration_reference').where('line_id', '=', row.lineId).orderBy('declaration_reference').execute()).map((m) => m.declaration_reference);
  const decision = row.decision === 'allowed' ? ('allowed' as const) : ('refused' as const);
  return {
    container,
    decision,
    ...(decision === 'refused' ? { reason: row.reason ?? (declarations.length ? 'not_released' : 'not_declared') } : {}),
    manifestReference: row.reference,
    billOfLading: row.bill_of_lading,
    declarations,
  };
}
