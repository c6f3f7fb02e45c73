import { parseDictionary, serializeBareItem, serializeParameters, type Parameters } from './signing-fields.ts';

/**
 * The signature base of HTTP Message Signatures (RFC 9421 §2.5), computed from a plain description of
 * a message rather than from a live request, so signing and verifying are pure and testable.
 */

export type Headers = Readonly<Record<string, string>>;

export interface RequestDescription {
  method: string;
  /** The full target URI as the client sent it (`@target-uri`, RFC 9421 §2.2.2). */
  targetUri: string;
  headers: Headers;
  body: Uint8Array | string;
}

export interface ResponseDescription {
  status: number;
  headers: Headers;
  body: Uint8Array | string;
}

/** A covered component: a derived component (`@method`) or a header field name, with its parameters (`;req`, `;key="sig1"`). */
export interface Component {
  name: string;
  params: Parameters;
}

/** A covered component that the message does not carry (RFC 9421 §2.5: the base cannot be built). */
export class MissingComponent extends Error {
  readonly component: string;

  constructor(component: string) {
    super(`the message has no ${component}`);
    this.component = component;
  }
}

export const component = (name: string, params: Parameters = new Map()): Component => ({ name, params });

export function headerValue(headers: Headers, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function componentId(c: Component): string {
  return `${serializeBareItem(c.name)}${serializeParameters(c.params)}`;
}

function derived(name: string, message: RequestDescription | ResponseDescription): string {
  if (name === '@status') {
    if (!('status' in message)) throw new MissingComponent('@status (only responses have one)');
    return String(message.status).padStart(3, '0');
  }
  if (!('method' in message)) throw new MissingComponent(`${name} (only requests have one)`);
  const url = new URL(message.targetUri);
  switch (name) {
    case '@method':
      return message.method;
    case '@target-uri':
      return message.targetUri;
    case '@authority':
      return url.host.toLowerCase();
    case '@scheme':
      return url.protocol.slice(0, -1);
    case '@path':
      return url.pathname;
    case '@query':
      return url.search === '' ? '?' : url.search;
    default:
      throw new MissingComponent(`${name} (not a derived component this profile supports)`);
  }
}

/** A component's value (RFC 9421 §2.1–2.4), taken from the request when it carries `;req`. */
export function componentValue(c: Component, message: RequestDescription | ResponseDescription, request?: RequestDescription): string {
  const source = c.params.get('req') === true ? request : message;
  if (!source) throw new MissingComponent(`${c.name};req (no request to take it from)`);
  if (c.name.startsWith('@')) return derived(c.name, source);
  const raw = headerValue(source.headers, c.name);
  if (raw === undefined) throw new MissingComponent(`${c.name} header`);
  const value = raw.trim();
  const key = c.params.get('key');
  if (typeof key !== 'string') return value;
  // `;key` selects one dictionary member, re-serialised (§2.1.2), e.g. one signature among several.
  let member;
  try {
    member = parseDictionary(value).get(key);
  } catch {
    throw new MissingComponent(`${c.name} header (not a dictionary)`);
  }
  if (!member || Array.isArray(member.value)) throw new MissingComponent(`member "${key}" of the ${c.name} header`);
  return `${serializeBareItem(member.value)}${serializeParameters(member.params)}`;
}

/** The value of `Signature-Input` for one signature, and the last line of its base. */
export function signatureParams(components: readonly Component[], params: Parameters): string {
  return `(${components.map(componentId).join(' ')})${serializeParameters(params)}`;
}

/** The exact bytes that are signed: one `"component": value` line per covered component, then `@signature-params`. */
export function signatureBase(
  components: readonly Component[],
  params: Parameters,
  message: RequestDescription | ResponseDescription,
  request?: RequestDescription,
): string {
  const lines = components.map((c) => `${componentId(c)}: ${componentValue(c, message, request)}`);
  lines.push(`"@signature-params": ${signatureParams(components, params)}`);
  return lines.join('\n');
}
