import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../../database.ts';
import type { Db } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import { conflict } from '../../../platform/http/errors.ts';
import type { Assessment } from '../assessment/types.ts';
import type { Channel, CustomsDeclarationsTable, DeclarationState, NotificationKind } from './schema.ts';
import type { DocumentCheck } from './document-checks.ts';
import type { DeclarationInput } from './types.ts';
import type { DeclarationHistory } from './view.ts';

type Executor = Db | Transaction<Database>;
export type DeclarationRow = Selectable<CustomsDeclarationsTable>;

/** `KDDKR01-2026-000042`: office, year, then a number no other declaration has (one sequence, no hot counter row). */
export async function nextReference(trx: Transaction<Database>, officeCode: string, year: number): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('customs_declaration_number')::text as n`.execute(trx);
  return `${officeCode}-${year}-${(rows[0]?.n ?? '').padStart(6, '0')}`;
}

export interface NewDeclaration {
  id: string;
  reference: string;
  input: DeclarationInput;
  state: DeclarationState;
  declaredOn: string;
  currency: string;
  createdBy: string | null;
  assessment: Assessment | null;
  channel: Channel | null;
  risk: unknown;
  documentChecks: readonly DocumentCheck[];
}

/** Inserts the declaration and its first version; the declarant's reference used twice is a 409 naming the first. */
export async function insertDeclaration(trx: Transaction<Database>, row: NewDeclaration, actorLabel: string): Promise<DeclarationRow> {
  const inserted = await trx
    .insertInto('customs_declarations')
    .values({
      id: row.id,
      reference: row.reference,
      local_reference: row.input.localReference,
      declarant_tax_id: row.input.declarant.taxId,
      importer_tax_id: row.input.importer?.taxId ?? null,
      exporter_tax_id: row.input.exporter?.taxId ?? null,
      regime: row.input.regime,
      office_code: row.input.officeCode,
      state: row.state,
      declared_on: row.declaredOn,
      payload: jsonb(row.input),
      assessment: row.assessment === null ? null : jsonb(row.assessment),
      total_due: row.assessment?.total ?? null,
      currency: row.currency,
      channel: row.channel,
      risk: row.risk === null ? null : jsonb(row.risk),
      document_checks: jsonb(row.documentChecks),
      awaiting_documents: row.documentChecks.some((c) => c.status === 'awaiting'),
      created_by: row.createdBy,
      lodged_at: row.state === 'draft' ? null : new Date(),
    })
    .onConflict((oc) => oc.columns(['declarant_tax_id', 'local_reference']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    const first = await trx.selectFrom('customs_declarations').select('reference').where('declarant_tax_id', '=', row.input.declarant.taxId).where('local_reference', '=', row.input.localReference).executeTakeFirst();
    throw conflict('declaration_local_reference_taken', { localReference: row.input.localReference, reference: first?.reference ?? '' });
  }
  await trx.insertInto('customs_declaration_versions').values({ declaration_id: inserted.id, version: 1, payload: jsonb(row.input), reason: null, created_by_label: actorLabel }).execute();
  return inserted;
}

/** Records the states a declaration went through, in order, by whom. */
export async function recordStates(trx: Transaction<Database>, declarationId: string, states: readonly DeclarationState[], actorLabel: string): Promise<void> {
  if (states.length === 0) return;
  await trx.insertInto('customs_declaration_states').values(states.map((state) => ({ declaration_id: declarationId, state, actor_label: actorLabel }))).execute();
}

export async function recordNotifications(trx: Transaction<Database>, declarationId: string, notifications: readonly { kind: NotificationKind; body: unknown }[]): Promise<void> {
  if (notifications.length === 0) return;
  await trx.insertInto('customs_notifications').values(notifications.map((n) => ({ declaration_id: declarationId, kind: n.kind, body: jsonb(n.body) }))).execute();
}

export async function findDeclaration(db: Executor, by: { id: string } | { reference: string }): Promise<DeclarationRow | undefined> {
  const query = db.selectFrom('customs_declarations').selectAll();
  return ('id' in by ? query.where('id', '=', by.id) : query.where('reference', '=', by.reference)).executeTakeFirst();
}

export async function lockDeclaration(trx: Transaction<Database>, id: string): Promise<DeclarationRow | undefined> {
  return trx.selectFrom('customs_declarations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** ISO 8601 in UTC with milliseconds, as `Date.toISOString` writes it, on both engines. */
const isoTime = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * A declaration's states, notifications, versions and inspections, shaped for the API by the
 * database in one statement (four round trips were a fifth of a lodgement's statements).
 */
export async function historyOf(db: Executor, declarationId: string): Promise<DeclarationHistory> {
  const { rows } = await sql<DeclarationHistory>`
    select
      (select coalesce(json_agg(json_build_object('state', state, 'by', actor_label, 'at', ${isoTime('entered_at')}) order by id), '[]'::json)
         from customs_declaration_states where declaration_id = ${declarationId}) as history,
      (select coalesce(json_agg(body || jsonb_build_object('id', id::text) order by id), '[]'::json)
         from customs_notifications where declaration_id = ${declarationId}) as notifications,
      (select coalesce(json_agg(json_build_object('version', version, 'reason', reason, 'by', created_by_label, 'at', ${isoTime('created_at')}) order by version), '[]'::json)
         from customs_declaration_versions where declaration_id = ${declarationId}) as versions,
      (select coalesce(json_agg(json_build_object('id', id, 'outcome', outcome, 'findings', findings, 'by', inspector_label, 'at', ${isoTime('created_at')}) order by created_at), '[]'::json)
         from customs_inspections where declaration_id = ${declarationId}) as inspections`.execute(db);
  return rows[0]!;
}

/**
 * The importer's declarations since a day, newest first, as far as split consignments need them:
 * each item's HS code and assessed value, read inside the database rather than whole payloads.
 */
export async function recentDeclarationsOf(db: Executor, importerTaxId: string, since: string, limit: number) {
  return db
    .selectFrom('customs_declarations')
    .select([
      'reference',
      'declared_on',
      sql<string[]>`jsonb_path_query_array(payload, '$.items[*].hsCode')`.as('hs_codes'),
      sql<(number | null)[]>`coalesce(jsonb_path_query_array(assessment, '$.items[*].customsValue.national'), '[]'::jsonb)`.as('values'),
    ])
    .where('importer_tax_id', '=', importerTaxId)
    .where('declared_on', '>=', since)
    .where('state', '<>', 'draft')
    .orderBy('declared_on', 'desc')
    .limit(limit)
    .execute();
}
