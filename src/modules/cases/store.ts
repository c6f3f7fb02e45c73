import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { ApplicationAttachmentsTable, ApplicationEventsTable, ApplicationsTable } from './schema.ts';

export type FileRow = Selectable<ApplicationsTable>;
export type EventRow = Selectable<ApplicationEventsTable>;
export type AttachmentRow = Selectable<ApplicationAttachmentsTable>;

/** A file by id; `forUpdate` locks it until the transaction ends, so two moves never interleave. */
export async function loadFile(db: Db | Trx, id: string, forUpdate = false): Promise<FileRow> {
  let query = db.selectFrom('applications').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('application', id);
  return row;
}

export const loadTimeline = (db: Db | Trx, id: string) =>
  db.selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('at').orderBy('id').execute();

export const loadAttachments = (db: Db | Trx, id: string) =>
  db.selectFrom('application_attachments').selectAll().where('application_id', '=', id).orderBy('uploaded_at').orderBy('id').execute();

/** Display names of the people a file names (applicant, assignee, uploaders) and company names. */
export async function namesOf(db: Db | Trx, userIds: readonly string[], companyIds: readonly string[]) {
  const [users, companies] = await Promise.all([
    userIds.length ? db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(userIds)]).execute() : [],
    companyIds.length ? db.selectFrom('companies').select(['id', 'name']).where('id', 'in', [...new Set(companyIds)]).execute() : [],
  ]);
  return {
    user: new Map(users.map((u) => [u.id, u.display_name])),
    company: new Map(companies.map((c) => [c.id, c.name])),
  };
}

export type Names = Awaited<ReturnType<typeof namesOf>>;
