/**
 * The text tag files of a bag, read as RFC 8493 §2.1.1, §2.2.2 and §2.3 describe them. Pure
 * functions of the bytes: the validator and the writer's tests share them.
 */

/** The BagIt version this writer produces and the rules a bag declaring it is held to. */
export const CURRENT_VERSION = '1.0';

/** Versions read with the 0.97 draft's more lenient rules (0.93 to 0.96 bags follow them too). */
export const isLegacyVersion = (version: string): boolean => /^0\.9[3-7]$/.test(version);

/** §2.3: lines end with LF, CR or CRLF, the last one too (recommended, not required). */
export function tagLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export type Declaration = { version: string; encoding: string } | { problem: 'bom' | 'bad_encoding' | 'bad_declaration'; line?: number };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * §2.1.1: exactly two lines, "BagIt-Version: M.N" then "Tag-File-Character-Encoding: ENCODING",
 * in UTF-8 without a byte-order mark. The ABNF (§7.1) spells one space after each colon; the
 * label's case is not significant (the RFC's own example writes "BagIt-version").
 */
export function parseDeclaration(bytes: Buffer): Declaration {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return { problem: 'bom' };
  const text = decodeText(bytes, 'utf-8');
  if (text === null) return { problem: 'bad_encoding' };
  const lines = tagLines(text);
  const version = /^BagIt-Version: (\d+\.\d+)$/i.exec(lines[0] ?? '');
  if (!version) return { problem: 'bad_declaration', line: 1 };
  const encoding = /^Tag-File-Character-Encoding: (\S+)$/i.exec(lines[1] ?? '');
  if (!encoding) return { problem: 'bad_declaration', line: 2 };
  if (lines.length > 2) return { problem: 'bad_declaration', line: 3 };
  return { version: version[1] as string, encoding: encoding[1] as string };
}

function decodeText(bytes: Buffer, label: string): string | null {
  try {
    // ignoreBOM: a byte-order mark is the caller's decision (refused or skipped), never silently eaten.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The WHATWG label for a declared encoding; "UTF-16" without an order takes it from the BOM. */
function decoderLabel(encoding: string, bytes: Buffer): string | null {
  let label = encoding.toLowerCase();
  if (label === 'utf-16' || label === 'utf16') label = bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-16le';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}

export type DecodedTagFile = { text: string } | { problem: 'bom' | 'bad_encoding' | 'unsupported_encoding' };

/**
 * §2.3: every other text tag file is in the declared encoding; with UTF-8 it MUST NOT begin with
 * a BOM. A 1.0 bag is refused for one; an older bag's BOM is skipped, as the 0.97 draft was
 * silent on it and its tools wrote them. Encodings that need a BOM (UTF-16) keep theirs.
 */
export function decodeTagFile(bytes: Buffer, encoding: string, strict: boolean): DecodedTagFile {
  const label = decoderLabel(encoding, bytes);
  if (!label) return { problem: 'unsupported_encoding' };
  let body = bytes;
  if (label === 'utf-8' && body.subarray(0, 3).equals(UTF8_BOM)) {
    if (strict) return { problem: 'bom' };
    body = body.subarray(3);
  }
  const text = decodeText(body, label);
  if (text === null) return { problem: 'bad_encoding' };
  return { text: text.startsWith('\uFEFF') && label !== 'utf-8' ? text.slice(1) : text };
}

export interface BagInfo {
  /** In file order, repeated labels kept (§2.2.2: ordering MUST be preserved). */
  elements: [label: string, value: string][];
  /** 1-based lines that are not a metadata element. */
  badLines: number[];
}

/**
 * §2.2.2: "Label: value", long values continued on lines that begin with whitespace. Before 1.0,
 * whitespace around the colon is accepted and is not part of the label; from 1.0 the label must
 * not start or end with whitespace.
 */
export function parseBagInfo(text: string, strict: boolean): BagInfo {
  const info: BagInfo = { elements: [], badLines: [] };
  tagLines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    const last = info.elements.at(-1);
    if (/^[ \t]/.test(line)) {
      if (last) last[1] += `\n${line.trim()}`;
      else info.badLines.push(index + 1);
      return;
    }
    const colon = line.indexOf(':');
    const label = colon < 0 ? '' : line.slice(0, colon);
    if (!label.trim() || (strict && label !== label.trim())) {
      info.badLines.push(index + 1);
      return;
    }
    info.elements.push([label.trim(), line.slice(colon + 1).trim()]);
  });
  return info;
}

/** Values of a reserved element; §2.2.2: reserved names are case-insensitive. */
export const infoValues = (info: BagInfo, label: string): string[] =>
  info.elements.filter(([name]) => name.toLowerCase() === label.toLowerCase()).map(([, value]) => value);

/** §2.2.2 Payload-Oxum "OctetCount.StreamCount". */
export function parseOxum(value: string): { bytes: number; files: number } | null {
  const match = /^(\d+)\.(\d+)$/.exec(value);
  return match ? { bytes: Number(match[1]), files: Number(match[2]) } : null;
}

/** One element, continuation lines indented (§2.2.2), as the writer puts it in bag-info.txt. */
export function bagInfoElement(label: string, value: string): string {
  if (!label || label !== label.trim() || /[:\r\n]/.test(label)) throw new Error(`bag-info label "${label}" must not contain ":", line breaks, or start or end with whitespace`);
  return `${label}: ${value.split(/\r\n|\r|\n/).join('\n  ')}\n`;
}
