import type { Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
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

/**
 * Everything a file's page shows besides the file, in one round trip: its history, its
 * attachments, and the names of the people and company it mentions.
 */
export async function loadDetails(db: Db | Trx, file: FileRow) {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(eb.selectFrom('application_events').selectAll().where('application_id', '=', file.id).orderBy('at').orderBy('id')).as('events'),
      jsonArrayFrom(eb.selectFrom('application_attachments').selectAll().where('application_id', '=', file.id).orderBy('uploaded_at').orderBy('id')).as('attachments'),
      jsonArrayFrom(
        eb
          .selectFrom('users')
          .select(['id', 'display_name'])
          .where((w) =>
            w.or([
              w('id', '=', file.applicant_id),
              ...(file.assigned_to ? [w('id', '=', file.assigned_to)] : []),
              w('id', 'in', w.selectFrom('application_attachments').select('uploaded_by').where('application_id', '=', file.id)),
            ]),
          ),
      ).as('users'),
      eb.selectFrom('companies').select('name').where('id', '=', file.company_id).as('company_name'),
    ])
    .executeTakeFirstOrThrow();
  return {
    // JSON carries timestamps as text: give them back their type.
    events: row.events.map((e): EventRow => ({ ...e, at: new Date(e.at) })),
    attachments: row.attachments.map((a): AttachmentRow => ({ ...a, uploaded_at: new Date(a.uploaded_at), size: Number(a.size) })),
    names: {
      user: new Map(row.users.map((u) => [u.id, u.display_name])),
      company: new Map(file.company_id && row.company_name !== null ? [[file.company_id, row.company_name]] : []),
    } satisfies Names,
  };
}
