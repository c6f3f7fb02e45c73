import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlainTextCheck, isPlainText } from './plain-text.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function referenceIsText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function inChunks(bytes: Uint8Array, cuts: number[]): boolean {
  const check = new PlainTextCheck();
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    check.push(bytes.subarray(from, cut));
    from = cut;
  }
  check.push(bytes.subarray(from));
  return check.isText;
}

describe('plain text check', () => {
  it('accepts a French and Arabic CSV statement', () => {
    expect(isPlainText(Buffer.from('date;libellé;montant\n2025-03-01;رسوم التسجيل;1500,00\n'))).toBe(true);
  });

  it('refuses NUL bytes, Latin-1 bytes, overlong forms, surrogates and a character cut off at the end', () => {
    expect(isPlainText(Buffer.from('a\u0000b'))).toBe(false);
    expect(isPlainText(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe(false); // "café" in Latin-1
    expect(isPlainText(Buffer.from([0xc0, 0xaf]))).toBe(false); // overlong "/"
    expect(isPlainText(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false); // U+D800
    expect(isPlainText(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(false); // above U+10FFFF
    expect(isPlainText(Buffer.from('é').subarray(0, 1))).toBe(false);
  });

  it('agrees with a strict UTF-8 decoder on any bytes, however they are split into chunks', () => {
    const utf8 = fc.string({ unit: 'binary', maxLength: 32 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8')));
    // Valid text with one byte changed: the near misses a random byte array rarely produces.
    const nearMiss = fc.tuple(utf8, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([b, at, byte]) => {
      const copy = Uint8Array.from(b);
      if (copy.length > 0) copy[at % copy.length] = byte;
      return copy;
    });
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 64 }), utf8, nearMiss);
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 6 }), (input, cuts) => {
        expect(inChunks(input, cuts)).toBe(referenceIsText(input));
      }),
      { numRuns: 2000 },
    );
  });
});
