import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Seals small secrets stored in the database (TOTP seeds) with AES-256-GCM under a server key,
 * so a database dump alone does not yield them.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the server key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed secret format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The server key comes from GUICHET_SECRET_KEY (base64, 32 bytes; required when several processes
 * share one database) or, for a single embedded install, from DATA_DIR/secret.key created once with
 * mode 0600. It never lives in the repository.
 */
export async function loadServerKey(env: NodeJS.ProcessEnv, dataDir: string | undefined): Promise<Buffer> {
  if (env.GUICHET_SECRET_KEY) {
    const key = Buffer.from(env.GUICHET_SECRET_KEY, 'base64');
    if (key.length !== 32) throw new Error('GUICHET_SECRET_KEY must be 32 bytes encoded in base64');
    return key;
  }
  if (!dataDir) return randomBytes(32);
  const file = path.join(dataDir, 'secret.key');
  try {
    return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const key = randomBytes(32);
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  }
}
