import type { ColumnType, Generated } from 'kysely';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';

export type FederationStatus = 'active' | 'ended';
export type CrossBorderKind = 'certificate_of_origin' | 'transit_declaration';
/**
 * What the document's own signature (its GK1 payload) says; `pending` while its key is not known
 * yet (the issuer's configuration is fetched again before it is judged); a transit declaration carries none.
 */
export type SignatureVerdict = 'verified' | 'invalid' | 'pending' | 'none';
/**
 * Where a received document stands: `received` (nothing to check), `checking` (signature good, the
 * issuer not asked yet), the issuer's answer (`valid`, `expired`, `revoked`, `unknown`),
 * `invalid_signature`, or `unavailable` when the issuer could not be asked.
 */
export type CrossBorderStatus = 'received' | 'checking' | 'valid' | 'expired' | 'revoked' | 'unknown' | 'invalid_signature' | 'unavailable';

/** This instance's registry anchor: the key its signed configuration is verified with. */
export interface FederationAnchorTable {
  id: Generated<boolean>;
  kid: string;
  public_jwk: ColumnType<OkpPublicJwk, unknown, unknown>;
  sealed_private_key: string;
  created_at: Generated<Date>;
}

/** A federation agreement with a partner instance, trusting its anchor (compared out of band). */
export interface FederationsTable {
  instance: string;
  base_url: string;
  anchor_kid: string;
  anchor_jwk: ColumnType<OkpPublicJwk, unknown, unknown>;
  status: ColumnType<FederationStatus, FederationStatus | undefined, FederationStatus>;
  established_at: ColumnType<Date, Date | undefined, Date>;
  established_by: string;
  ended_at: Date | null;
  ended_by: string | null;
  last_synced_at: Date | null;
  last_error: string | null;
}

/** The exchange members mirrored from a partner's configuration. */
export interface FederationMembersTable {
  member_id: string;
  instance: string;
}

/** A partner's document-signing keys, as its signed configuration publishes them. */
export interface FederationDocumentKeysTable {
  instance: string;
  kid: string;
  agency_code: string;
  x: string;
  status: 'active' | 'retired';
}

export interface CrossBorderDocumentsTable {
  id: Generated<string>;
  /** The exchange message that brought it: one document per message. */
  message_id: string;
  kind: CrossBorderKind;
  partner: string;
  sender: string;
  receiver: string;
  receiver_agency_id: string | null;
  /** The certificate's or the declaration's number. */
  reference: string;
  /** A transit declaration's certificate of origin. */
  certificate_ref: string | null;
  body: ColumnType<Record<string, unknown>, unknown, unknown>;
  signature: SignatureVerdict;
  signature_reason: string | null;
  issuer_document_id: string | null;
  status: CrossBorderStatus;
  revoked_at: Date | null;
  checked_at: Date | null;
  last_error: string | null;
  received_at: Generated<Date>;
}

export interface FederationTables {
  federation_anchor: FederationAnchorTable;
  federations: FederationsTable;
  federation_members: FederationMembersTable;
  federation_document_keys: FederationDocumentKeysTable;
  crossborder_documents: CrossBorderDocumentsTable;
}
