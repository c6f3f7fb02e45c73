/**
 * Classic TIFF (TIFF 6.0 §2): an 8-byte header, then a chain of image file directories (IFDs),
 * one per page. Walking the chain checks the file is whole (every directory and every strip or
 * tile it points to lies inside the file) and finds the pages, which OCR reads one at a time.
 */
import type { IntegrityProblem } from './integrity.ts';

export type TiffPages = { ok: true; directories: number[] } | IntegrityProblem;

// A scanned record of more pages than this is not a record: the walk stops as corrupt.
const MAX_PAGES = 10_000;
const TYPE_SIZES: Record<number, number> = { 3: 2, 4: 4 }; // SHORT, LONG: the types offsets and counts use
const STRIP_OFFSETS = 273;
const STRIP_BYTE_COUNTS = 279;
const TILE_OFFSETS = 324;
const TILE_BYTE_COUNTS = 325;

function reader(bytes: Buffer) {
  const little = bytes[0] === 0x49; // "II"; "MM" is big-endian
  return {
    u16: (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at)),
    u32: (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at)),
  };
}

/** True for BigTIFF (version 43), which is not accepted: leptonica, under tesseract, does not read it. */
export function isBigTiff(bytes: Buffer): boolean {
  return bytes.length >= 4 && reader(bytes).u16(2) === 43;
}

/** Where each page's directory starts, or why the file cannot be whole. */
export function tiffPages(bytes: Buffer): TiffPages {
  if (bytes.length < 8) return { ok: false, problem: 'truncated', reason: 'the 8-byte header is cut short' };
  const { u16, u32 } = reader(bytes);
  if (u16(2) !== 42) return { ok: false, problem: 'corrupt', reason: `version ${u16(2)} in the header, not 42` };
  const directories: number[] = [];
  for (let at = u32(4); at !== 0; ) {
    if (at < 8 || directories.includes(at) || directories.length >= MAX_PAGES) return { ok: false, problem: 'corrupt', reason: `directory offset ${at} loops or points into the header` };
    if (at + 2 > bytes.length) return { ok: false, problem: 'truncated', reason: `directory ${directories.length + 1} at byte ${at} lies past the end` };
    const entries = u16(at);
    const next = at + 2 + entries * 12;
    if (entries === 0) return { ok: false, problem: 'corrupt', reason: `directory ${directories.length + 1} is empty` };
    if (next + 4 > bytes.length) return { ok: false, problem: 'truncated', reason: `directory ${directories.length + 1} runs past the end` };
    const values = (tag: number): number[] | undefined => {
      for (let entry = at + 2; entry < next; entry += 12) {
        if (u16(entry) !== tag) continue;
        const size = TYPE_SIZES[u16(entry + 2)];
        const count = u32(entry + 4);
        if (!size) return undefined;
        const start = count * size <= 4 ? entry + 8 : u32(entry + 8);
        if (start + count * size > bytes.length) return [Infinity];
        return Array.from({ length: count }, (_, i) => (size === 2 ? u16(start + i * 2) : u32(start + i * 4)));
      }
      return undefined;
    };
    const offsets = values(STRIP_OFFSETS) ?? values(TILE_OFFSETS);
    const counts = values(STRIP_BYTE_COUNTS) ?? values(TILE_BYTE_COUNTS);
    if (!offsets || !counts) return { ok: false, problem: 'corrupt', reason: `page ${directories.length + 1} says nowhere where its image data is` };
    const end = Math.max(...offsets.map((offset, i) => offset + (counts[i] ?? Infinity)));
    if (end > bytes.length) return { ok: false, problem: 'truncated', reason: `page ${directories.length + 1}'s image data runs past the end` };
    directories.push(at);
    at = u32(next);
  }
  if (directories.length === 0) return { ok: false, problem: 'corrupt', reason: 'no image directory' };
  return { ok: true, directories };
}

/**
 * One page of a multi-page TIFF as a TIFF of its own: the same bytes with the header pointing at
 * that page's directory. Offsets in a TIFF are absolute, so nothing else moves; readers that
 * take the first page (leptonica under tesseract) then take this one.
 */
export function tiffPage(bytes: Buffer, directory: number): Buffer {
  const page = Buffer.from(bytes);
  if (page[0] === 0x49) page.writeUInt32LE(directory, 4);
  else page.writeUInt32BE(directory, 4);
  return page;
}
