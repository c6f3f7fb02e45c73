/**
 * The small part of Structured Field Values (RFC 8941) that HTTP Message Signatures need:
 * dictionaries whose members are byte sequences (`Signature`, `Content-Digest`) or inner lists of
 * strings with parameters (`Signature-Input`), and bare items as parameter values.
 */

export type BareItem = string | number | boolean | Uint8Array | { token: string };
export type Parameters = Map<string, BareItem>;
export interface Item {
  value: BareItem | Array<{ value: BareItem; params: Parameters }>;
  params: Parameters;
}

class Parser {
  #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  dictionary(): Map<string, Item> {
    const members = new Map<string, Item>();
    this.#spaces();
    while (this.#at < this.#text.length) {
      const key = this.#key();
      let item: Item;
      if (this.#peek() === '=') {
        this.#at += 1;
        item = this.#peek() === '(' ? this.#innerList() : { value: this.#bareItem(), params: this.#parameters() };
      } else {
        item = { value: true, params: this.#parameters() };
      }
      members.set(key, item);
      this.#spaces();
      if (this.#at >= this.#text.length) break;
      this.#expect(',');
      this.#spaces();
      if (this.#at >= this.#text.length) throw new SyntaxError('trailing comma in dictionary');
    }
    return members;
  }

  #innerList(): Item {
    this.#expect('(');
    const items: Array<{ value: BareItem; params: Parameters }> = [];
    for (;;) {
      while (this.#peek() === ' ') this.#at += 1;
      if (this.#peek() === ')') break;
      items.push({ value: this.#bareItem(), params: this.#parameters() });
      if (this.#peek() !== ' ' && this.#peek() !== ')') throw new SyntaxError(`unexpected "${this.#peek()}" in inner list`);
    }
    this.#at += 1;
    return { value: items, params: this.#parameters() };
  }

  #parameters(): Parameters {
    const params: Parameters = new Map();
    while (this.#peek() === ';') {
      this.#at += 1;
      while (this.#peek() === ' ') this.#at += 1;
      const key = this.#key();
      let value: BareItem = true;
      if (this.#peek() === '=') {
        this.#at += 1;
        value = this.#bareItem();
      }
      params.set(key, value);
    }
    return params;
  }

  #bareItem(): BareItem {
    const rest = this.#text.slice(this.#at);
    const match =
      /^"((?:[^"\\]|\\["\\])*)"/.exec(rest) ?? /^:([A-Za-z0-9+/=]*):/.exec(rest) ?? /^-?\d{1,15}(?![.\d])/.exec(rest) ?? /^\?[01]/.exec(rest) ?? /^[A-Za-z*][\w:/!#$%&'*+\-.^`|~]*/.exec(rest);
    if (!match) throw new SyntaxError(`unexpected "${rest.slice(0, 10)}"`);
    this.#at += match[0].length;
    const [whole, inner] = match;
    if (whole.startsWith('"')) return (inner ?? '').replace(/\\(["\\])/g, '$1');
    if (whole.startsWith(':')) return new Uint8Array(Buffer.from(inner ?? '', 'base64'));
    if (whole.startsWith('?')) return whole === '?1';
    if (/^-?\d/.test(whole)) return Number(whole);
    return { token: whole };
  }

  #key(): string {
    const match = /^[a-z*][a-z0-9_\-.*]*/.exec(this.#text.slice(this.#at));
    if (!match) throw new SyntaxError(`expected a key at ${this.#at}`);
    this.#at += match[0].length;
    return match[0];
  }

  #peek(): string | undefined {
    return this.#text[this.#at];
  }

  #expect(char: string): void {
    if (this.#peek() !== char) throw new SyntaxError(`expected "${char}" at ${this.#at}`);
    this.#at += 1;
  }

  #spaces(): void {
    while (this.#peek() === ' ' || this.#peek() === '\t') this.#at += 1;
  }
}

/** Parses a dictionary field; throws SyntaxError on anything outside the subset above. */
export function parseDictionary(text: string): Map<string, Item> {
  return new Parser(text).dictionary();
}

export function serializeBareItem(value: BareItem): string {
  if (typeof value === 'string') return `"${value.replace(/(["\\])/g, '\\$1')}"`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '?1' : '?0';
  if (value instanceof Uint8Array) return `:${Buffer.from(value).toString('base64')}:`;
  return value.token;
}

/** `;name=value` pairs in order; a true boolean is written bare (`;req`), as RFC 8941 §4.1.1.2 requires. */
export function serializeParameters(params: Parameters): string {
  return [...params].map(([key, value]) => (value === true ? `;${key}` : `;${key}=${serializeBareItem(value)}`)).join('');
}
