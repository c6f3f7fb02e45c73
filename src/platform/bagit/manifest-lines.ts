import { posix } from 'node:path';
import { tagLines } from './tag-text.ts';

/**
 * Manifest and fetch-file lines (RFC 8493 §2.1.3, §2.2.1, §2.2.3) and the file paths they carry.
 * Pure: the validator decides what each problem means for the bag.
 */

/** §2.1.3: CR, LF and "%" (and only those) are percent-encoded in a manifest's filepath. */
export const encodeBagPath = (path: string): string => path.replace(/[%\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/**
 * The filepath as it names the file, or null when a "%" is not one of the three encodings — a
 * 1.0 bag MUST have encoded it; before 1.0 such a "%" was just a character of the name.
 */
export function decodeBagPath(raw: string, strict: boolean): string | null {
  if (strict && /%(?!25|0a|0d)/i.test(raw)) return null;
  return raw.replace(/%(25|0a|0d)/gi, (code) => String.fromCharCode(parseInt(code.slice(1), 16)));
}

export type BagPath = { path: string } | { escapes: true };

/**
 * §5.1 (security): a path from a manifest or fetch.txt must never reach outside the bag — not
 * absolute, not a home directory ("~user"), not a drive or device (C:, \\?\), and no ".."
 * climbing above the base directory (backslashes count as separators for that check, as they
 * would on Windows). The normalised POSIX path comes back for lookup.
 */
export function resolveBagPath(path: string): BagPath {
  if (/^[/~\\]/.test(path) || /^[A-Za-z]:/.test(path)) return { escapes: true };
  const climbing = posix.normalize(path.replaceAll('\\', '/'));
  if (climbing === '..' || climbing.startsWith('../')) return { escapes: true };
  return { path: posix.normalize(path) };
}

export interface ManifestEntry {
  checksum: string;
  /** As written in the manifest (percent-encoded). */
  raw: string;
  line: number;
}

export interface ManifestLines {
  entries: ManifestEntry[];
  /** 1-based lines that are not "CHECKSUM FILEPATH". */
  badLines: number[];
}

/**
 * §2.1.3: "checksum filepath", one or more spaces or tabs between them, the checksum in hex of
 * either case and of the algorithm's length. Blank lines are skipped.
 */
export function parseManifest(text: string, checksumLength: number): ManifestLines {
  const result: ManifestLines = { entries: [], badLines: [] };
  tagLines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^([0-9A-Fa-f]+)[ \t]+(.+)$/.exec(line);
    if (!match || (match[1] as string).length !== checksumLength || (match[2] as string).includes('\0')) result.badLines.push(index + 1);
    else result.entries.push({ checksum: (match[1] as string).toLowerCase(), raw: match[2] as string, line: index + 1 });
  });
  return result;
}

export interface FetchEntry {
  url: string;
  length: number | null;
  raw: string;
  line: number;
}

/**
 * §2.2.3: "url length filepath", the URL absolute (RFC 3986: it has a scheme), the length a
 * number of octets or "-". Whitespace inside the URL must be percent-encoded, so the URL and the
 * length are the first two fields and the rest is the filepath.
 */
export function parseFetch(text: string): { entries: FetchEntry[]; badLines: number[] } {
  const result: { entries: FetchEntry[]; badLines: number[] } = { entries: [], badLines: [] };
  tagLines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^([A-Za-z][A-Za-z0-9+.-]*:\S+)[ \t]+(\d+|-)[ \t]+(.+)$/.exec(line);
    if (!match) result.badLines.push(index + 1);
    else result.entries.push({ url: match[1] as string, length: match[2] === '-' ? null : Number(match[2]), raw: match[3] as string, line: index + 1 });
  });
  return result;
}

/** Payload and tag manifests by file name (§2.1.3, §2.2.1); the algorithm comes normalised (§2.4). */
export function manifestKind(fileName: string): { kind: 'payload' | 'tag'; algorithm: string } | null {
  const match = /^(tag)?manifest-([^./\\]+)\.txt$/i.exec(fileName);
  if (!match) return null;
  return { kind: match[1] ? 'tag' : 'payload', algorithm: (match[2] as string).toLowerCase() };
}
