import { sql } from 'kysely';
import { recordAudit, systemContext, type ChangeContext } from '../../../platform/audit/record.ts';
import type { Db, Trx } from '../../../platform/db/database.ts';
import { jsonb } from '../../../platform/db/json.ts';
import { schemeProblems, type ClassificationScheme, type RetentionClass } from './schedule.ts';

const SCHEME_LOADER = systemContext('archive: classification scheme');

const classOf = (row: { code: string; title: RetentionClass['title']; trigger_event: string; period_years: number | null; action: RetentionClass['action'] }): RetentionClass => ({
  code: row.code,
  title: row.title,
  trigger: row.trigger_event,
  periodYears: row.period_years,
  action: row.action,
});

/**
 * Brings the classes table to the shipped scheme: a new class is added, a changed one updated, each
 * with its audit entry; an unchanged one is left alone, so every start after the first writes
 * nothing. A class dropped from the file stays (packages filed under it keep their schedule).
 * Safe with two processes starting at once: the insert and the update only act on what differs.
 */
export async function ensureClassificationScheme(db: Db, scheme: ClassificationScheme, context: ChangeContext = SCHEME_LOADER): Promise<{ added: number; changed: number }> {
  const problems = schemeProblems(scheme);
  if (problems.length > 0) throw new Error(`the classification scheme is invalid: ${problems.join('; ')}`);
  return db.transaction().execute(async (trx) => {
    let added = 0;
    let changed = 0;
    for (const c of scheme.classes) {
      const values = { title: jsonb(c.title), trigger_event: c.trigger, period_years: c.periodYears, action: c.action };
      const before = await trx.selectFrom('archive_retention_classes').selectAll().where('code', '=', c.code).forUpdate().executeTakeFirst();
      const inserted = before ? undefined : await trx.insertInto('archive_retention_classes').values({ code: c.code, ...values }).onConflict((oc) => oc.column('code').doNothing()).returning('code').executeTakeFirst();
      const updated = before
        ? await trx
            .updateTable('archive_retention_classes')
            .set({ ...values, updated_at: sql<Date>`now()` })
            .where('code', '=', c.code)
            .where(sql<boolean>`(title, trigger_event, period_years, action) is distinct from (${jsonb(c.title)}, ${c.trigger}, ${c.periodYears}, ${c.action})`)
            .returning('code')
            .executeTakeFirst()
        : undefined;
      if (!inserted && !updated) continue;
      if (inserted) added++;
      else changed++;
      await recordAudit(trx, context, {
        action: inserted ? 'archive.retention_class_added' : 'archive.retention_class_changed',
        recordType: 'archive_retention_class',
        recordId: c.code,
        before: before ? classOf(before) : undefined,
        after: c,
        details: { code: c.code, periodYears: c.periodYears, action: c.action },
      });
    }
    return { added, changed };
  });
}

/** The scheme as stored, by code. */
export async function retentionClasses(db: Db | Trx): Promise<Map<string, RetentionClass>> {
  const rows = await db.selectFrom('archive_retention_classes').selectAll().orderBy('code').execute();
  return new Map(rows.map((row) => [row.code, classOf(row)]));
}
