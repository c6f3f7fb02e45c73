import type { ColumnType, Generated } from 'kysely';

/** One Ed25519 key of an agency: the active one signs new documents, retired ones still verify old ones. */
export interface SigningKeysTable {
  /** base64url of the first 8 bytes of the RFC 7638 thumbprint. */
  kid: string;
  agency_id: string;
  /** JWK `x`: the raw public key, base64url. */
  public_key: string;
  /** PKCS #8 DER of the private key, base64, sealed with the server key (secret-box.ts). */
  private_key_sealed: string;
  status: 'active' | 'retired';
  created_at: Generated<Date>;
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SigningKeyTables {
  signing_keys: SigningKeysTable;
}
