import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How the mobile-money operator and the platform authenticate each other's messages: an
 * HMAC-SHA256 (RFC 2104) over `timestamp "." message` with the secret both hold, sent with the
 * Unix timestamp it covers. A callback's message is its raw body, byte for byte; a request to the
 * operator's API signs `METHOD path "\n" body`, so a signature is good for one request only.
 * The timestamp bounds a replay to the window; within it, the notification's event id does.
 */
export const TIMESTAMP_HEADER = 'x-mm-timestamp';
export const SIGNATURE_HEADER = 'x-mm-signature';
export const SIGNATURE_WINDOW_SECONDS = 300;

export const requestMessage = (method: string, path: string, body: string) => `${method.toUpperCase()} ${path}\n${body}`;

export function signature(secret: string, timestamp: number, message: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${message}`).digest('hex')}`;
}

export function signedHeaders(secret: string, message: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signature(secret, timestamp, message) };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

/** Checks a signed message; the comparison takes the same time wherever the signatures differ. */
export function checkSignature(secret: string, sent: { timestamp: unknown; signature: unknown }, message: string, nowMs = Date.now()): SignatureCheck {
  if (typeof sent.timestamp !== 'string' || typeof sent.signature !== 'string' || !/^\d{1,12}$/.test(sent.timestamp)) return { ok: false, reason: 'missing' };
  const timestamp = Number(sent.timestamp);
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signature(secret, timestamp, message));
  const given = Buffer.from(sent.signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
