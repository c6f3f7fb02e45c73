import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../../../database.ts';
import { recordAudit, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, fieldError, notFound } from '../../../platform/http/errors.ts';
import type { CustomsRegulatoryRulesTable } from '../declarations/schema.ts';
import type { DocumentType, Regime } from '../declarations/types.ts';
import type { RegulatoryRule } from './matrix.ts';

export interface RuleInput {
  hsPrefix: string;
  regime: Regime | null;
  origin: string | null;
  documentType: DocumentType;
  agencyCode: string;
  note: string | null;
}

export interface RuleView extends RegulatoryRule {
  note: string | null;
  active: boolean;
  updatedAt: string;
}

const viewOf = (row: Selectable<CustomsRegulatoryRulesTable>): RuleView => ({
  id: row.id,
  hsPrefix: row.hs_prefix,
  regime: row.regime,
  origin: row.origin,
  documentType: row.document_type as DocumentType,
  agencyCode: row.agency_code,
  note: row.note,
  active: row.active,
  updatedAt: row.updated_at.toISOString(),
});

export async function listRules(db: Db | Transaction<Database>, options: { activeOnly: boolean }): Promise<RuleView[]> {
  let query = db.selectFrom('customs_regulatory_rules').selectAll().orderBy('hs_prefix').orderBy('document_type');
  if (options.activeOnly) query = query.where('active', '=', true);
  return (await query.execute()).map(viewOf);
}

async function assertAgency(trx: Transaction<Database>, code: string) {
  const agency = await trx.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (!agency) throw fieldError(422, 'regulatory_unknown_agency', 'agencyCode', { agency: code });
}

/** Adds a rule; the same goods, regime, origin and document twice is a conflict, not a second rule. */
export async function insertRule(trx: Transaction<Database>, context: ChangeContext, input: RuleInput, agencyId: string | null): Promise<RuleView> {
  await assertAgency(trx, input.agencyCode);
  const row = await trx
    .insertInto('customs_regulatory_rules')
    .values({ hs_prefix: input.hsPrefix, regime: input.regime, origin: input.origin, document_type: input.documentType, agency_code: input.agencyCode, note: input.note })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw conflict('regulatory_rule_exists', { hsPrefix: input.hsPrefix, document: input.documentType });
  const rule = viewOf(row);
  await recordAudit(trx, context, { action: 'customs.rule_created', recordType: 'customs_regulatory_rule', recordId: rule.id, agencyId, after: rule });
  return rule;
}

/** Changes who issues the document, the note, or switches a rule off (rules are never deleted: old declarations were checked against them). */
export async function updateRule(trx: Transaction<Database>, context: ChangeContext, id: string, patch: { agencyCode?: string; note?: string | null; active?: boolean }, agencyId: string | null): Promise<RuleView> {
  const before = await trx.selectFrom('customs_regulatory_rules').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) throw notFound('regulatory_rule', id);
  if (patch.agencyCode !== undefined) await assertAgency(trx, patch.agencyCode);
  const row = await trx
    .updateTable('customs_regulatory_rules')
    .set({ agency_code: patch.agencyCode ?? before.agency_code, note: patch.note === undefined ? before.note : patch.note, active: patch.active ?? before.active, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const rule = viewOf(row);
  await recordAudit(trx, context, { action: 'customs.rule_updated', recordType: 'customs_regulatory_rule', recordId: id, agencyId, before: viewOf(before), after: rule });
  return rule;
}
