import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { publicJwkOf, type OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import { memberKid } from '../../modules/exchange/members-keys.ts';
import type { Signer } from '../../modules/exchange/signing.ts';

export interface MinistryKey {
  signer: Signer;
  publicJwk: OkpPublicJwk;
}

function createKeyFile(file: string): void {
  const { privateKey } = generateKeyPairSync('ed25519');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: two starts racing keep the first key rather than overwrite it.
    fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * The register's Ed25519 key, from its PEM file (PKCS #8), created on first use readable by its
 * owner only. Like ssh, it refuses a key file others may read: that key may already be someone
 * else's too. The private key stays in this process; Guichet's registry gets the public JWK, and
 * the key id is the registry's (the full RFC 7638 thumbprint).
 */
export function ministryKey(file: string): MinistryKey {
  if (!fs.existsSync(file)) createKeyFile(file);
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    throw new Error(`${file} may be read by others than its owner: chmod 600 it, or replace the key`);
  }
  const privateKey: KeyObject = createPrivateKey(fs.readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} does not hold an Ed25519 private key`);
  const publicJwk = publicJwkOf(createPublicKey(privateKey));
  return { signer: { keyId: memberKid(publicJwk), privateKey }, publicJwk };
}

/** Creates the key file when missing (mode 0600) and returns its public JWK, for the registry. */
export const ensureMinistryKey = (file: string): OkpPublicJwk => ministryKey(file).publicJwk;
