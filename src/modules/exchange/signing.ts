import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { contentDigest, contentDigestMatches } from './content-digest.ts';
import {
  component,
  headerValue,
  MissingComponent,
  signatureBase,
  signatureParams,
  type Component,
  type Headers,
  type RequestDescription,
  type ResponseDescription,
} from './signing-base.ts';
import { parseDictionary, type Parameters } from './signing-fields.ts';

/**
 * Guichet's profile of HTTP Message Signatures (RFC 9421) with Ed25519, for messages between members
 * (docs/exchange.md "Message protocol", docs/decisions/0014-exchange-http-message-signatures.md).
 * A request signs its method, target, body digest and the Guichet headers saying who calls, on whose
 * behalf and about which case; a response signs its status, body digest and the request's signature
 * (`"signature";req`, §2.4), so it cannot be replayed as the answer to another request.
 */

export const SIGNATURE_LABEL = 'guichet';
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

const requestSignature: Component = component('signature', new Map<string, true | string>([['req', true], ['key', SIGNATURE_LABEL]]));

const REQUEST_REQUIRED = ['@method', '@target-uri', 'content-digest', 'guichet-message-id', 'guichet-client'];
/** Signed when present: an unsigned one could be added by anyone on the way. */
const REQUEST_OPTIONAL = ['guichet-represented-party', 'guichet-case'];
const RESPONSE_REQUIRED = ['@status', 'content-digest', 'guichet-message-id'];

export type Refusal = 'unknown_key' | 'bad_signature' | 'digest_mismatch' | 'expired_timestamp' | 'missing_component';

export interface Signer {
  keyId: string;
  privateKey: KeyObject;
}

/**
 * Finds a signer's public key. `signer` is the caller's identifier for requests (the key must be its
 * member's), null for responses (the caller knows whom it called); `created` (Unix seconds) lets a
 * retired key still verify what it signed before retirement.
 */
export type KeyLookup = (keyId: string, signer: string | null, created: number) => KeyObject | undefined | Promise<KeyObject | undefined>;

export interface VerifyOptions {
  lookupKey: KeyLookup;
  now?: Date;
  /** Accepted clock difference either way, in seconds. */
  replayWindowSeconds?: number;
}

export interface Verified {
  ok: true;
  keyId: string;
  created: number;
  messageId: string;
  /** The `Signature` member as sent, base64: what the message log keeps and a response binds. */
  signature: string;
  contentDigest: string;
  /** SHA-256 (hex) of the signature base: the message's fingerprint. */
  baseDigest: string;
}

export interface Refused {
  ok: false;
  refusal: Refusal;
  reason: string;
}

function withContentDigest(headers: Headers, body: Uint8Array | string): Record<string, string> {
  return { ...headers, 'content-digest': contentDigest(body) };
}

function signatureHeaders(components: Component[], signer: Signer, now: Date, message: RequestDescription | ResponseDescription, request?: RequestDescription) {
  const params: Parameters = new Map<string, number | string>([
    ['created', Math.floor(now.getTime() / 1000)],
    ['keyid', signer.keyId],
    ['alg', 'ed25519'],
  ]);
  const base = signatureBase(components, params, message, request);
  const signature = sign(null, Buffer.from(base), signer.privateKey).toString('base64');
  return {
    'signature-input': `${SIGNATURE_LABEL}=${signatureParams(components, params)}`,
    signature: `${SIGNATURE_LABEL}=:${signature}:`,
  };
}

/** The request's headers with `Content-Digest`, `Signature-Input` and `Signature` added. */
export function signRequest(request: RequestDescription, signer: Signer, now = new Date()): Record<string, string> {
  const headers = withContentDigest(request.headers, request.body);
  const names = [...REQUEST_REQUIRED, ...REQUEST_OPTIONAL.filter((name) => headerValue(headers, name) !== undefined)];
  return { ...headers, ...signatureHeaders(names.map((name) => component(name)), signer, now, { ...request, headers }) };
}

/** The response's headers, signed and bound to the (signed) request it answers. */
export function signResponse(response: ResponseDescription, request: RequestDescription, signer: Signer, now = new Date()): Record<string, string> {
  const headers = withContentDigest(response.headers, response.body);
  const components = [...RESPONSE_REQUIRED.map((name) => component(name)), requestSignature];
  return { ...headers, ...signatureHeaders(components, signer, now, { ...response, headers }, request) };
}

/** A `Signature` header's `guichet` member in base64, as the message logs keep signatures ('' when absent). */
export function loggedSignature(headers: Headers): string {
  try {
    const value = parseDictionary(headerValue(headers, 'signature') ?? '').get(SIGNATURE_LABEL)?.value;
    return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : '';
  } catch {
    return '';
  }
}

const refuse = (refusal: Refusal, reason: string): Refused => ({ ok: false, refusal, reason });
const sameComponent = (a: Component, b: Component) =>
  a.name === b.name && a.params.size === b.params.size && [...a.params].every(([key, value]) => b.params.get(key) === value);

/** The covered components and parameters of our signature, or why they cannot be read. */
function readSignature(headers: Headers): Refused | { components: Component[]; params: Parameters; signature: Uint8Array } {
  const input = headerValue(headers, 'signature-input');
  const value = headerValue(headers, 'signature');
  if (input === undefined || value === undefined) return refuse('missing_component', 'the message is not signed (Signature-Input and Signature headers)');
  let inputMember, signatureMember;
  try {
    inputMember = parseDictionary(input).get(SIGNATURE_LABEL);
    signatureMember = parseDictionary(value).get(SIGNATURE_LABEL);
  } catch (error) {
    return refuse('bad_signature', `unreadable signature headers: ${(error as Error).message}`);
  }
  if (!inputMember || !signatureMember) return refuse('missing_component', `no signature labelled "${SIGNATURE_LABEL}"`);
  if (!Array.isArray(inputMember.value) || !(signatureMember.value instanceof Uint8Array)) {
    return refuse('bad_signature', 'Signature-Input must be an inner list and Signature a byte sequence');
  }
  const components: Component[] = [];
  for (const item of inputMember.value) {
    if (typeof item.value !== 'string') return refuse('bad_signature', 'a covered component is not a string');
    components.push(component(item.value, item.params));
  }
  return { components, params: inputMember.params, signature: signatureMember.value };
}

async function verifyMessage(
  message: RequestDescription | ResponseDescription,
  required: Component[],
  signer: string | null,
  options: VerifyOptions,
  request?: RequestDescription,
): Promise<Verified | Refused> {
  const read = readSignature(message.headers);
  if ('ok' in read) return read;
  const { components, params, signature } = read;
  const uncovered = required.find((wanted) => !components.some((c) => sameComponent(c, wanted)));
  if (uncovered) return refuse('missing_component', `the signature does not cover ${uncovered.name}`);
  const created = params.get('created');
  const keyId = params.get('keyid');
  if (typeof created !== 'number' || typeof keyId !== 'string') return refuse('missing_component', 'the signature has no created or keyid parameter');
  if (params.get('alg') !== 'ed25519') return refuse('bad_signature', 'the signature algorithm must be "ed25519"');
  const window = options.replayWindowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  const skew = Math.floor((options.now ?? new Date()).getTime() / 1000) - created;
  if (Math.abs(skew) > window) return refuse('expired_timestamp', `signed ${skew} s from now, outside the ±${window} s window`);
  let base: string;
  try {
    base = signatureBase(components, params, message, request);
  } catch (error) {
    if (error instanceof MissingComponent) return refuse('missing_component', error.message);
    throw error;
  }
  const key = await options.lookupKey(keyId, signer, created);
  if (!key) return refuse('unknown_key', `no usable key "${keyId}"${signer ? ` for ${signer}` : ''}`);
  if (!verify(null, Buffer.from(base), key, signature)) return refuse('bad_signature', 'the signature does not match the message');
  const digest = headerValue(message.headers, 'content-digest') ?? '';
  if (!contentDigestMatches(digest, message.body)) return refuse('digest_mismatch', 'the body does not match its Content-Digest');
  return {
    ok: true,
    keyId,
    created,
    messageId: headerValue(message.headers, 'guichet-message-id') ?? '',
    signature: Buffer.from(signature).toString('base64'),
    contentDigest: digest,
    baseDigest: createHash('sha256').update(base).digest('hex'),
  };
}

export function verifyRequest(request: RequestDescription, options: VerifyOptions): Promise<Verified | Refused> {
  const present = REQUEST_OPTIONAL.filter((name) => headerValue(request.headers, name) !== undefined);
  const required = [...REQUEST_REQUIRED, ...present].map((name) => component(name));
  return verifyMessage(request, required, headerValue(request.headers, 'guichet-client') ?? null, options);
}

/** Verifies a response against the request it answers: a response to any other request fails. */
export function verifyResponse(response: ResponseDescription, request: RequestDescription, options: VerifyOptions): Promise<Verified | Refused> {
  const required = [...RESPONSE_REQUIRED.map((name) => component(name)), requestSignature];
  return verifyMessage(response, required, null, options, request);
}
