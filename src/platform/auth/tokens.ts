import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** API keys read `gk_<prefix>_<secret>`: the prefix finds the row, only the secret's hash is stored. */
const API_KEY = /^gk_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(16).toString('base64url').replace(/[-_]/g, '').slice(0, 10).padEnd(10, '0');
  const secret = randomToken(32);
  return { key: `gk_${prefix}_${secret}`, prefix, secretHash: sha256Hex(secret) };
}

export function parseApiKey(key: string): { prefix: string; secretHash: string } | null {
  const match = API_KEY.exec(key);
  return match ? { prefix: match[1] as string, secretHash: sha256Hex(match[2] as string) } : null;
}
