import type { Db, Trx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { documentKeyRing } from './mirror-plan.ts';
import type { CrossBorderKind, CrossBorderStatus, SignatureVerdict } from './schema.ts';

/** The document keys of a partner the instance federates with now; none once the federation has ended. */
export async function partnerDocumentKeys(executor: Db | Trx, partner: string) {
  const rows = await executor
    .selectFrom('federation_document_keys as k')
    .innerJoin('federations as f', 'f.instance', 'k.instance')
    .select(['k.kid', 'k.agency_code as agencyCode', 'k.x', 'k.status'])
    .where('k.instance', '=', partner)
    .where('f.status', '=', 'active')
    .execute();
  return documentKeyRing(rows);
}

export interface CrossBorderDocumentView {
  id: string;
  kind: CrossBorderKind;
  partner: string;
  sender: string;
  receiver: string;
  reference: string;
  certificateRef: string | null;
  signature: SignatureVerdict;
  signatureReason: string | null;
  status: CrossBorderStatus;
  revokedAt: string | null;
  checkedAt: string | null;
  lastError: string | null;
  certificateStatus: CrossBorderStatus | null;
  body: Record<string, unknown>;
  receivedAt: string;
}

export const receivedRows = (executor: Db | Trx) => executor.selectFrom('crossborder_documents').selectAll();
export type ReceivedRow = Awaited<ReturnType<ReturnType<typeof receivedRows>['executeTakeFirstOrThrow']>>;

export const receivedNotFound = (id: string) => notFound('crossborder_document', id);

/**
 * The documents received, newest first, for the agencies in `scope` (null: every agency). A transit
 * declaration shows where the certificate of origin it cites stands, when that was received too.
 */
export async function listReceived(db: Db, scope: readonly string[] | null, ids?: readonly string[]): Promise<CrossBorderDocumentView[]> {
  if (scope?.length === 0 || ids?.length === 0) return [];
  let query = receivedRows(db).orderBy('received_at', 'desc').limit(500);
  if (scope) query = query.where('receiver_agency_id', 'in', [...scope]);
  if (ids) query = query.where('id', 'in', [...ids]);
  const rows = await query.execute();
  const cited = [...new Set(rows.flatMap((r) => (r.certificate_ref ? [r.certificate_ref] : [])))];
  const certificates = cited.length
    ? await receivedRows(db).where('kind', '=', 'certificate_of_origin').where('reference', 'in', cited).orderBy('received_at').execute()
    : [];
  // The latest copy of a certificate received from the same partner tells where it stands.
  const statusOf = (row: ReceivedRow) => certificates.filter((c) => c.partner === row.partner && c.reference === row.certificate_ref).at(-1)?.status ?? null;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    partner: row.partner,
    sender: row.sender,
    receiver: row.receiver,
    reference: row.reference,
    certificateRef: row.certificate_ref,
    signature: row.signature,
    signatureReason: row.signature_reason,
    status: row.status,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    checkedAt: row.checked_at?.toISOString() ?? null,
    lastError: row.last_error,
    certificateStatus: row.certificate_ref ? statusOf(row) : null,
    body: row.body,
    receivedAt: row.received_at.toISOString(),
  }));
}
