import { sql, type RawBuilder } from 'kysely';
import { recordAudit, systemContext, type ChangeContext } from '../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { ProcedureDefinition } from './definition.ts';
import { expectedWorkingDays } from './expected-delay.ts';
import { foldForSearch, searchTextOf } from './search-text.ts';
import { validateDefinition } from './validate.ts';
import { containing } from '../../platform/db/like.ts';

/**
 * A definition as json, not jsonb: json keeps the keys in the order the ministry wrote them, which
 * is the order its form shows its fields in (migration 0008_definition_key_order). Never through
 * jsonb on the way in, which would sort them.
 */
function authoredJson(definition: ProcedureDefinition): RawBuilder<ProcedureDefinition> {
  return sql<ProcedureDefinition>`${JSON.stringify(definition)}::json`;
}

async function agencyIdsByCode(db: Db): Promise<Map<string, string>> {
  return new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
}

/** Validates a definition and refuses it with every problem at its path; nothing is stored. */
async function validOrRefuse(db: Db, raw: unknown): Promise<{ definition: ProcedureDefinition; agencyId: string }> {
  const agencies = await agencyIdsByCode(db);
  const result = validateDefinition(raw, [...agencies.keys()]);
  if (!result.ok) {
    throw new AppError(400, 'definition_invalid', { count: result.errors.length }, {
      fields: result.errors.map((e) => ({ path: e.path, code: e.code, messageKey: e.messageKey ?? `definition.${e.code}`, params: e.params })),
    });
  }
  return { definition: result.definition, agencyId: agencies.get(result.definition.agency) as string };
}

/**
 * Publishes a new version of a procedure. Versions follow each other (1, 2, 3…) and never change
 * once published, so an application stays pinned to the rules it was filed under.
 */
export async function publishDefinition(db: Db, principal: Principal | null, context: ChangeContext, raw: unknown) {
  const { definition, agencyId } = await validOrRefuse(db, raw);
  if (principal) assertAllowed(principal, 'catalogue.publish', { agencyId });
  return db.transaction().execute(async (trx) => {
    // Serialise publishers of the same procedure so two cannot both take the next number.
    await sql`select pg_advisory_xact_lock(hashtext(${`procedure:${definition.id}`}))`.execute(trx);
    const latest = await trx
      .selectFrom('procedure_versions')
      .select(['version', 'agency_id'])
      .where('procedure_id', '=', definition.id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const expected = (latest?.version ?? 0) + 1;
    if (definition.version !== expected) throw conflict('version_not_next', { procedure: definition.id, version: definition.version, expected });
    if (latest && latest.agency_id !== agencyId) throw conflict('procedure_agency_changed', { procedure: definition.id });
    const row = await trx
      .insertInto('procedure_versions')
      .values({
        procedure_id: definition.id,
        version: definition.version,
        agency_id: agencyId,
        definition: authoredJson(definition),
        search_text: searchTextOf(definition),
        published_by: principal?.kind === 'user' ? principal.id : null,
      })
      .returning(['id', 'published_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'procedure.published',
      recordType: 'procedure_version',
      recordId: row.id,
      agencyId,
      after: definition,
      details: { procedureId: definition.id, version: definition.version },
    });
    return { id: row.id, procedureId: definition.id, version: definition.version, publishedAt: row.published_at.toISOString() };
  });
}

/** Publishes the shipped definitions not yet in the catalogue (idempotent; run on every start). */
export async function publishShippedDefinitions(db: Db, definitions: readonly { file: string; raw: unknown }[]): Promise<number> {
  let published = 0;
  for (const { file, raw } of definitions) {
    const { id, version } = raw as { id?: unknown; version?: unknown };
    const exists = await db
      .selectFrom('procedure_versions')
      .select('id')
      .where('procedure_id', '=', String(id))
      .where('version', '=', Number(version))
      .executeTakeFirst();
    if (exists) continue;
    try {
      await publishDefinition(db, null, systemContext(`shipped procedure ${file}`), raw);
    } catch (error) {
      const fields = ((error as AppError).details as { fields?: { path: string; code: string }[] } | undefined)?.fields ?? [];
      throw new Error(`procedure ${file} is not valid: ${fields.map((f) => `${f.path} ${f.code}`).join('; ') || (error as Error).message}`, { cause: error });
    }
    published += 1;
  }
  return published;
}

export interface ProcedureSummary {
  id: string;
  version: number;
  agency: string;
  title: ProcedureDefinition['title'];
  description: ProcedureDefinition['description'];
  applicants: ProcedureDefinition['applicants'];
  fixedFee: number;
  expectedWorkingDays: number | null;
}

function summaryOf(definition: ProcedureDefinition): ProcedureSummary {
  return {
    id: definition.id,
    version: definition.version,
    agency: definition.agency,
    title: definition.title,
    description: definition.description,
    applicants: definition.applicants,
    fixedFee: definition.fees.reduce((sum, fee) => sum + (fee.kind === 'fixed' ? fee.amount : 0), 0),
    expectedWorkingDays: expectedWorkingDays(definition),
  };
}

/** The catalogue: the latest version of every procedure, filtered by words in any of the three languages, by agency or by id. */
export async function listProcedures(
  db: Db,
  filters: { q?: string | undefined; agency?: string | undefined; id?: string | undefined },
): Promise<ProcedureSummary[]> {
  let query = db
    .selectFrom('procedure_versions')
    .innerJoin('agencies', 'agencies.id', 'procedure_versions.agency_id')
    .distinctOn('procedure_versions.procedure_id')
    .select(['procedure_versions.definition'])
    .orderBy('procedure_versions.procedure_id')
    .orderBy('procedure_versions.version', 'desc');
  if (filters.agency) query = query.where('agencies.code', '=', filters.agency);
  if (filters.id) query = query.where('procedure_versions.procedure_id', '=', filters.id);
  for (const word of foldForSearch(filters.q ?? '').split(/\s+/).filter(Boolean)) {
    query = query.where('procedure_versions.search_text', 'like', containing(word));
  }
  return (await query.execute()).map((row) => summaryOf(row.definition));
}

/** One version of a procedure, or its latest when no version is given. */
export async function getDefinition(db: Db, procedureId: string, version?: number): Promise<ProcedureDefinition> {
  const key = `${procedureId}@${version}`;
  const cached = version === undefined ? undefined : published.get(key);
  if (cached) return cached;
  let query = db.selectFrom('procedure_versions').select('definition').where('procedure_id', '=', procedureId).orderBy('version', 'desc').limit(1);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('procedure', version === undefined ? procedureId : `${procedureId} v${version}`);
  if (version !== undefined) remember(key, row.definition);
  return row.definition;
}

export interface PublishedVersion {
  /** The row an application pins. */
  id: string;
  agencyId: string;
  definition: ProcedureDefinition;
}

/** The latest version of a procedure, to pin a new application to it. */
export async function latestPublishedVersion(db: Db, procedureId: string): Promise<PublishedVersion> {
  const row = await db
    .selectFrom('procedure_versions')
    .select(['id', 'agency_id', 'definition'])
    .where('procedure_id', '=', procedureId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw notFound('procedure', procedureId);
  return { id: row.id, agencyId: row.agency_id, definition: row.definition };
}

/**
 * Published versions never change, so one read is kept (by row id, and by procedure@version) for
 * the process's life (a process serves one database); callers must treat what they get as read-only.
 */
const published = new Map<string, ProcedureDefinition>();
function remember(key: string, definition: ProcedureDefinition): void {
  if (published.size >= 1000) published.clear();
  published.set(key, definition);
}

/** The version an application is pinned to. Published versions never change, so they are kept once read. */
export async function pinnedDefinition(db: Db, versionId: string): Promise<ProcedureDefinition> {
  const cached = published.get(versionId);
  if (cached) return cached;
  const row = await db.selectFrom('procedure_versions').select('definition').where('id', '=', versionId).executeTakeFirst();
  if (!row) throw notFound('procedure', versionId);
  remember(versionId, row.definition);
  return row.definition;
}
