/**
 * Streaming check that bytes are text: well-formed UTF-8 (RFC 3629 §4: no overlong forms, no
 * surrogates, nothing above U+10FFFF) and no NUL byte, which text files never hold and binary
 * formats nearly always do. Byte-wise so a 20 MiB statement is checked without decoding it to strings,
 * and chunk boundaries may fall inside a character.
 */
export class PlainTextCheck {
  #valid = true;
  /** Continuation bytes still expected for the current character. */
  #pending = 0;
  /** Allowed range of the next continuation byte (narrower after E0, ED, F0, F4). */
  #low = 0x80;
  #high = 0xbf;

  push(chunk: Uint8Array): void {
    if (!this.#valid) return;
    for (const byte of chunk) {
      if (this.#pending > 0) {
        if (byte < this.#low || byte > this.#high) return this.#fail();
        this.#pending -= 1;
        this.#low = 0x80;
        this.#high = 0xbf;
      } else if (byte === 0x00) {
        return this.#fail();
      } else if (byte < 0x80) {
        // ASCII
      } else if (byte >= 0xc2 && byte <= 0xdf) {
        this.#pending = 1;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        this.#pending = 2;
        if (byte === 0xe0) this.#low = 0xa0; // overlong
        if (byte === 0xed) this.#high = 0x9f; // UTF-16 surrogates
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        this.#pending = 3;
        if (byte === 0xf0) this.#low = 0x90; // overlong
        if (byte === 0xf4) this.#high = 0x8f; // above U+10FFFF
      } else {
        return this.#fail(); // 80–C1 as a lead byte, F5–FF
      }
    }
  }

  /** True when every byte pushed so far is text and no character was cut off at the end. */
  get isText(): boolean {
    return this.#valid && this.#pending === 0;
  }

  #fail(): void {
    this.#valid = false;
  }
}

export function isPlainText(bytes: Uint8Array): boolean {
  const check = new PlainTextCheck();
  check.push(bytes);
  return check.isText;
}
