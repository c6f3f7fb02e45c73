import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReply, decodeRequest, encodeReply, encodeRequest, MalformedEnvelope, replySubject, requestSubject, retryDelayMs, senderInstance } from './nats-envelope.ts';
import type { RequestDescription } from './signing-base.ts';

const request = (overrides: Partial<RequestDescription> = {}): RequestDescription => ({
  method: 'POST',
  targetUri: 'https://commerce.kd.example/exchange/KD/GOV/COMMERCE/licences/check-licence/v1',
  headers: { 'content-type': 'application/json', 'guichet-message-id': '0193f0c2-7d1e-7000-8000-000000000001', 'guichet-client': 'SN/GOV/DOUANES/gainde' },
  body: '{"licence":"LIC-2026-0042"}',
  ...overrides,
});

const envelope = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('NATS envelope', () => {
  it('gives back the exact headers and body bytes it was given', () => {
    const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((name) => !name.startsWith('guichet-'));
    fc.assert(
      fc.property(fc.dictionary(headerName, fc.string({ maxLength: 80 }), { maxKeys: 6 }), fc.uint8Array({ maxLength: 300 }), (extra, body) => {
        const sent = request({ headers: { ...request().headers, ...extra }, body });
        expect(decodeRequest(encodeRequest(sent))).toEqual({ ...sent, body: new Uint8Array(body) });
      }),
    );
  });

  it('carries a string body as its UTF-8 bytes', () => {
    const decoded = decodeRequest(encodeRequest(request({ body: '{"nom":"Société générale — شركة"}' })));
    expect(Buffer.from(decoded.body).toString('utf8')).toBe('{"nom":"Société générale — شركة"}');
  });

  it('carries a reply with its request', () => {
    const reply = { request: request(), response: { status: 200, headers: { 'guichet-message-id': '0193f0c2-7d1e-7000-8000-000000000002' }, body: new Uint8Array([123, 125]) } };
    expect(decodeReply(encodeReply(reply))).toEqual({ request: { ...reply.request, body: new Uint8Array(Buffer.from(reply.request.body as string)) }, response: reply.response });
  });

  it('answers to the instance of the calling subsystem, or of a member calling as itself', () => {
    expect(senderInstance(request())).toBe('SN');
    expect(senderInstance({ ...request(), headers: { ...request().headers, 'guichet-client': 'KD/GOV/CUSTOMS' } })).toBe('KD');
    expect([requestSubject('KD'), replySubject('SN')]).toEqual(['guichet.exchange.KD.requests', 'guichet.exchange.SN.replies']);
  });

  it.each(['K.D', 'K*', '>', 'K D', ''])('names no subject for the instance %j', (instance) => {
    expect(() => requestSubject(instance)).toThrow(/subject token/);
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{"method":')],
    ['not UTF-8', new Uint8Array([0xff, 0xfe])],
    ['an array', envelope([])],
    ['no method', envelope({ targetUri: 'https://x/', headers: request().headers, body: '' })],
    ['a header that is not a string', envelope({ method: 'POST', targetUri: 'https://x/', headers: { ...request().headers, 'guichet-case': 7 }, body: '' })],
    ['a body that is not base64', envelope({ method: 'POST', targetUri: 'https://x/', headers: request().headers, body: 'not base64!' })],
    ['no message id', envelope({ method: 'POST', targetUri: 'https://x/', headers: { 'guichet-client': 'SN/GOV/DOUANES/gainde' }, body: '' })],
    ['a client that is no exchange identifier', envelope({ method: 'POST', targetUri: 'https://x/', headers: { ...request().headers, 'guichet-client': 'SN/DOUANES' }, body: '' })],
  ])('refuses a request with %s', (_, bytes) => {
    expect(() => decodeRequest(bytes)).toThrow(MalformedEnvelope);
  });

  it('refuses a reply whose response has no HTTP status', () => {
    const bytes = envelope({ request: JSON.parse(new TextDecoder().decode(encodeRequest(request()))), response: { status: 'ok', headers: {}, body: '' } });
    expect(() => decodeReply(bytes)).toThrow(MalformedEnvelope);
  });

  it('waits longer after each failed delivery, up to five minutes', () => {
    expect([1, 2, 3, 4, 9, 10, 50].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000]);
  });
});
