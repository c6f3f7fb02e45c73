import type { Transaction } from 'kysely';
import type { Database } from '../../database.ts';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { jsonb } from '../../platform/db/json.ts';
import { AppError, conflict, fieldError, notFound } from '../../platform/http/errors.ts';
import { parseIdentifier, type MemberClass } from './identifiers.ts';
import type { MemberKind, MemberStatus } from './schema.ts';

export interface MemberInput {
  identifier: string;
  kind: MemberKind;
  names: LocalisedText;
  /** For a member that is an agency of this Guichet. */
  agencyCode?: string | null;
  /** Base URL where a member outside this instance answers its services; none for this instance's own. */
  endpoint?: string | null;
}

export interface MemberView {
  id: string;
  identifier: string;
  kind: MemberKind;
  names: LocalisedText;
  agencyCode: string | null;
  endpoint: string | null;
  status: MemberStatus;
  createdAt: string;
}

export const memberNotFound = (id: string) => new AppError(404, 'member_not_found', { id });

/**
 * The kind must agree with the identifier's class: a Guichet agency is a GOV member tied to its
 * agency, a foreign single window is FSW, and only it; other systems may be of any other class.
 */
export function kindProblem(kind: MemberKind, memberClass: MemberClass, agencyCode: string | null | undefined): { path: string; expected: string } | null {
  if (kind === 'agency' && memberClass !== 'GOV') return { path: '/identifier', expected: 'GOV' };
  if (kind === 'agency' && !agencyCode) return { path: '/agencyCode', expected: 'agencyCode' };
  if ((kind === 'foreign_single_window') !== (memberClass === 'FSW')) return { path: '/kind', expected: kind === 'foreign_single_window' ? 'FSW' : 'GOV, COM or EXT' };
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function memberQuery(db: Db | Transaction<Database>) {
  return db
    .selectFrom('exchange_members as m')
    .leftJoin('agencies as a', 'a.id', 'm.agency_id')
    .select(['m.id', 'm.identifier', 'm.kind', 'm.names', 'a.code as agencyCode', 'm.endpoint', 'm.status', 'm.created_at']);
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>['executeTakeFirstOrThrow']>>;

const viewOf = (row: MemberRow): MemberView => ({
  id: row.id,
  identifier: row.identifier,
  kind: row.kind,
  names: row.names,
  agencyCode: row.agencyCode ?? null,
  endpoint: row.endpoint,
  status: row.status,
  createdAt: row.created_at.toISOString(),
});

export async function listMembers(db: Db): Promise<MemberView[]> {
  return (await memberQuery(db).orderBy('m.identifier').execute()).map(viewOf);
}

/** A member by its uuid or its identifier; refused with member_not_found. */
export async function findMember(db: Db | Transaction<Database>, idOrIdentifier: string): Promise<MemberView> {
  const column = UUID.test(idOrIdentifier) ? 'm.id' : 'm.identifier';
  const row = await memberQuery(db).where(column, '=', idOrIdentifier).executeTakeFirst();
  if (!row) throw memberNotFound(idOrIdentifier);
  return viewOf(row);
}

async function agencyIdOf(trx: Transaction<Database>, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const agency = await trx.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (!agency) throw notFound('agency', code);
  return agency.id;
}

/** Inserts a member in the caller's transaction (the seed uses it too); null when the identifier is taken. */
export async function insertMember(trx: Transaction<Database>, context: ChangeContext, input: MemberInput): Promise<MemberView | null> {
  const parsed = parseIdentifier(input.identifier);
  if (!parsed.ok) throw fieldError(400, 'invalid_member_identifier', '/identifier', { identifier: input.identifier, reason: parsed.reason });
  const mismatch = kindProblem(input.kind, parsed.value.memberClass, input.agencyCode);
  if (mismatch) throw fieldError(400, 'member_kind_mismatch', mismatch.path, { kind: input.kind, expected: mismatch.expected });
  if (input.kind === 'agency' && input.endpoint) throw fieldError(400, 'agency_has_no_endpoint', '/endpoint');
  const agencyId = await agencyIdOf(trx, input.agencyCode);
  const inserted = await trx
    .insertInto('exchange_members')
    .values({ identifier: input.identifier, kind: input.kind, names: jsonb(input.names), agency_id: agencyId, endpoint: input.endpoint ?? null })
    .onConflict((oc) => oc.column('identifier').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  const member = await findMember(trx, inserted.id);
  await recordAudit(trx, context, { action: 'exchange.member_registered', recordType: 'exchange_member', recordId: member.id, agencyId, after: member });
  return member;
}

export async function registerMember(db: Db, context: ChangeContext, input: MemberInput): Promise<MemberView> {
  return db.transaction().execute(async (trx) => {
    const member = await insertMember(trx, context, input);
    if (!member) throw conflict('member_exists', { identifier: input.identifier });
    return member;
  });
}

export interface MemberChange {
  names?: LocalisedText;
  /** A suspended member's keys stop verifying and its calls are refused, until it is active again. */
  status?: MemberStatus;
  endpoint?: string | null;
}

export async function updateMember(db: Db, context: ChangeContext, id: string, change: MemberChange): Promise<MemberView> {
  return db.transaction().execute(async (trx) => {
    const before = await findMember(trx, id);
    if (!change.names && !change.status && change.endpoint === undefined) return before;
    if (before.kind === 'agency' && change.endpoint) throw fieldError(400, 'agency_has_no_endpoint', '/endpoint');
    await trx
      .updateTable('exchange_members')
      .set({
        ...(change.names ? { names: jsonb(change.names) } : {}),
        ...(change.status ? { status: change.status } : {}),
        ...(change.endpoint !== undefined ? { endpoint: change.endpoint } : {}),
      })
      .where('id', '=', before.id)
      .execute();
    const after = await findMember(trx, before.id);
    const action = change.status && change.status !== before.status ? `exchange.member_${change.status === 'suspended' ? 'suspended' : 'reactivated'}` : 'exchange.member_updated';
    await recordAudit(trx, context, { action, recordType: 'exchange_member', recordId: after.id, before, after });
    return after;
  });
}
