import { describe, expect, it } from 'vitest';
import { checkSignature, signature, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts';

const secret = 'operator-shared-secret';
const body = '{"eventId":"e-1","status":"SUCCESSFUL"}';
const now = Date.UTC(2026, 4, 4, 10, 0, 0);
const sent = (headers: Record<string, string>) => ({ timestamp: headers[TIMESTAMP_HEADER], signature: headers[SIGNATURE_HEADER] });

describe('message signatures', () => {
  it('accepts a message signed with the shared secret within five minutes', () => {
    const headers = signedHeaders(secret, body, now);
    expect(checkSignature(secret, sent(headers), body, now + 299_000)).toEqual({ ok: true });
  });

  it('refuses an altered body, another secret, a missing header and a timestamp outside the window', () => {
    const headers = signedHeaders(secret, body, now);
    expect(checkSignature(secret, sent(headers), body.replace('SUCCESSFUL', 'FAILED'), now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkSignature('another-secret', sent(headers), body, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkSignature(secret, { timestamp: undefined, signature: headers[SIGNATURE_HEADER] }, body, now)).toEqual({ ok: false, reason: 'missing' });
    expect(checkSignature(secret, sent(headers), body, now + 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(checkSignature(secret, sent(headers), body, now - 301_000)).toEqual({ ok: false, reason: 'stale' });
  });

  it('binds the signature to its timestamp: moving the timestamp forward breaks it', () => {
    const headers = signedHeaders(secret, body, now);
    const later = String(Number(headers[TIMESTAMP_HEADER]) + 600);
    expect(checkSignature(secret, { timestamp: later, signature: headers[SIGNATURE_HEADER] }, body, now + 600_000)).toEqual({ ok: false, reason: 'mismatch' });
    expect(signature(secret, 1, 'x')).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
