import type { ColumnType, Generated } from 'kysely';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';

export type MemberKind = 'agency' | 'external_system' | 'foreign_single_window';
export type MemberStatus = 'active' | 'suspended';
export type MemberKeyStatus = 'active' | 'retired' | 'revoked';

/** A participant of the exchange, named `instance/class/member[/subsystem]` as X-Road does. */
export interface ExchangeMembersTable {
  id: Generated<string>;
  identifier: string;
  kind: MemberKind;
  names: ColumnType<LocalisedText, unknown, unknown>;
  /** Set for members that are agencies of this Guichet. */
  agency_id: string | null;
  /** Base URL where a member outside this instance answers; null for this instance's own members. */
  endpoint: string | null;
  status: ColumnType<MemberStatus, MemberStatus | undefined, MemberStatus>;
  created_at: Generated<Date>;
}

export interface ExchangeMemberKeysTable {
  /** The RFC 7638 thumbprint of the public key, base64url. */
  kid: string;
  member_id: string;
  public_jwk: ColumnType<OkpPublicJwk, unknown, unknown>;
  status: ColumnType<MemberKeyStatus, MemberKeyStatus | undefined, MemberKeyStatus>;
  created_at: Generated<Date>;
  retired_at: Date | null;
  revoked_at: Date | null;
  revocation_reason: string | null;
}

export interface ExchangeServicesTable {
  id: Generated<string>;
  member_id: string;
  code: string;
  version: string;
  title: ColumnType<LocalisedText, unknown, unknown>;
  request_schema: ColumnType<Record<string, unknown>, unknown, unknown>;
  response_schema: ColumnType<Record<string, unknown>, unknown, unknown>;
  created_at: Generated<Date>;
}

export interface ExchangeAccessRightsTable {
  service_id: string;
  client_member_id: string;
  granted_at: Generated<Date>;
  /** Who granted it, as the audit trail labels them. */
  granted_by: string;
}

export interface ExchangeRegistryTables {
  exchange_members: ExchangeMembersTable;
  exchange_member_keys: ExchangeMemberKeysTable;
  exchange_services: ExchangeServicesTable;
  exchange_access_rights: ExchangeAccessRightsTable;
}

/** The registry's tables; the message log declares its own in log-schema.ts. */
export type ExchangeTables = ExchangeRegistryTables;
