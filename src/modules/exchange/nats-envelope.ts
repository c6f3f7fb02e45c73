import { parseIdentifier } from './identifiers.ts';
import { headerValue, type RequestDescription, type ResponseDescription } from './signing-base.ts';

/**
 * How a signed exchange message travels over NATS JetStream: the message body is JSON carrying the
 * HTTP description exactly as it was signed (method, target URI, headers, body bytes in base64), so
 * the receiver verifies the very bytes the sender signed. Pure: no connection here.
 */

export interface Reply {
  request: RequestDescription;
  response: ResponseDescription;
}

/** A message on the stream that is not an envelope this transport wrote: dropped, never retried. */
export class MalformedEnvelope extends Error {}

/** An instance code becomes a subject token: no dots, wildcards or spaces. */
const SUBJECT_TOKEN = /^[A-Za-z0-9_-]+$/;

function instanceSubject(instance: string, kind: 'requests' | 'replies'): string {
  if (!SUBJECT_TOKEN.test(instance)) throw new Error(`the instance "${instance}" cannot be a NATS subject token`);
  return `guichet.exchange.${instance}.${kind}`;
}

/** Requests to an instance's members travel on its request subject; their answers come back on the sender's reply subject. */
export const requestSubject = (instance: string) => instanceSubject(instance, 'requests');
export const replySubject = (instance: string) => instanceSubject(instance, 'replies');

const toBase64 = (body: Uint8Array | string) => (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength)).toString('base64');

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function requestJson(request: RequestDescription) {
  return { method: request.method, targetUri: request.targetUri, headers: request.headers, body: toBase64(request.body) };
}

function responseJson(response: ResponseDescription) {
  return { status: response.status, headers: response.headers, body: toBase64(response.body) };
}

export const encodeRequest = (request: RequestDescription): Uint8Array => json(requestJson(request));

export const encodeReply = (reply: Reply): Uint8Array => json({ request: requestJson(reply.request), response: responseJson(reply.response) });

type Fields = Record<string, unknown>;

function object(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedEnvelope(`${what} is not an object`);
  return value as Fields;
}

function text(fields: Fields, name: string, what: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '') throw new MalformedEnvelope(`${what}.${name} is not a non-empty string`);
  return value;
}

function headers(value: unknown, what: string): Record<string, string> {
  const fields = object(value, `${what}.headers`);
  for (const [name, item] of Object.entries(fields)) if (typeof item !== 'string') throw new MalformedEnvelope(`${what}.headers.${name} is not a string`);
  return fields as Record<string, string>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function body(fields: Fields, what: string): Uint8Array {
  const value = fields.body;
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) throw new MalformedEnvelope(`${what}.body is not base64`);
  return new Uint8Array(Buffer.from(value, 'base64'));
}

function parse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new MalformedEnvelope(`not UTF-8 JSON: ${(error as Error).message}`);
  }
}

function requestFrom(value: unknown, what: string): RequestDescription {
  const fields = object(value, what);
  const request = { method: text(fields, 'method', what), targetUri: text(fields, 'targetUri', what), headers: headers(fields.headers, what), body: body(fields, what) };
  // The transport routes on these two headers: a request without them cannot be delivered or answered.
  if (!headerValue(request.headers, 'guichet-message-id')) throw new MalformedEnvelope(`${what} has no guichet-message-id header`);
  senderInstance(request);
  return request;
}

function responseFrom(value: unknown, what: string): ResponseDescription {
  const fields = object(value, what);
  const status = fields.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) throw new MalformedEnvelope(`${what}.status is not an HTTP status`);
  return { status, headers: headers(fields.headers, what), body: body(fields, what) };
}

/** Throws MalformedEnvelope. The body comes back as bytes, whatever form the sender gave it. */
export const decodeRequest = (bytes: Uint8Array): RequestDescription => requestFrom(parse(bytes), 'request');

export function decodeReply(bytes: Uint8Array): Reply {
  const fields = object(parse(bytes), 'reply');
  return { request: requestFrom(fields.request, 'reply.request'), response: responseFrom(fields.response, 'reply.response') };
}

/**
 * The instance a request's answer goes back to: the first segment of its caller (`KD` of
 * `KD/GOV/CUSTOMS/clearance`). A member calls as itself as well as through a subsystem (customs
 * sends transit declarations as `KD/GOV/CUSTOMS`), exactly as the receiver admits it over HTTP.
 */
export function senderInstance(request: RequestDescription): string {
  const parsed = parseIdentifier(headerValue(request.headers, 'guichet-client') ?? '');
  if (!parsed.ok) throw new MalformedEnvelope(`the guichet-client header is not an exchange identifier: ${parsed.reason}`);
  return parsed.value.instance;
}

/**
 * How long a message whose handling failed waits before its next delivery: doubling from 1 s, capped
 * at 5 minutes, so a receiver whose database is down is not hammered yet recovers soon after it is back.
 */
export function retryDelayMs(deliveryCount: number): number {
  return Math.min(1000 * 2 ** Math.max(0, deliveryCount - 1), 300_000);
}
