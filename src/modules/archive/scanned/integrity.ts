/**
 * What a file's own structure says about whether it arrived whole. A scanner's upload cut off
 * mid-way still starts with the right signature; these walks find where it stops making sense.
 * Pure and cheap: segment and chunk headers are read, pixel data is not decoded.
 */
import { crc32 } from 'node:zlib';

export type IntegrityProblem = { ok: false; problem: 'truncated' | 'corrupt'; reason: string };
export type Integrity = { ok: true } | IntegrityProblem;

const OK: Integrity = { ok: true };
const truncated = (reason: string): IntegrityProblem => ({ ok: false, problem: 'truncated', reason });
const corrupt = (reason: string): IntegrityProblem => ({ ok: false, problem: 'corrupt', reason });

/** Bytes encoders and transfer tools pad files with after their last marker. */
function withoutPadding(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end > 0 && [0x00, 0x0a, 0x0d, 0x20].includes(bytes[end - 1] ?? -1)) end -= 1;
  return bytes.subarray(0, end);
}

// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): ITU-T T.81 Table B.1.
const isFrameMarker = (marker: number) => marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);

/**
 * JPEG (ITU-T T.81 Annex B): marker segments from SOI up to the first scan, a frame header among
 * them, and EOI (FF D9) at the end; the entropy-coded data in between is not decoded.
 */
export function jpegIntegrity(bytes: Buffer): Integrity {
  let at = 2;
  let frame = false;
  for (;;) {
    if (at + 4 > bytes.length) return truncated(`marker segments end at byte ${bytes.length}, before the first scan`);
    if (bytes[at] !== 0xff) return corrupt(`no marker at byte ${at}`);
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte (T.81 §B.1.1.2)
      continue;
    }
    if (marker === 0xd9) return corrupt('the image ends before any scan');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2) return corrupt(`segment FF${marker.toString(16).toUpperCase()} at byte ${at} has length ${length}`);
    if (at + 2 + length > bytes.length) return truncated(`segment FF${marker.toString(16).toUpperCase()} at byte ${at} runs past the end`);
    if (isFrameMarker(marker)) frame = true;
    if (marker === 0xda) break;
    at += 2 + length;
  }
  if (!frame) return corrupt('a scan with no frame header before it');
  const trimmed = withoutPadding(bytes);
  if (trimmed[trimmed.length - 2] !== 0xff || trimmed[trimmed.length - 1] !== 0xd9) return truncated('no end-of-image marker (FF D9) at the end');
  return OK;
}

/**
 * PNG (ISO/IEC 15948 §5.3, §11.2.2): IHDR first with 13 bytes, every chunk whole and passing its
 * CRC-32, some image data, and IEND. Bytes after IEND are tolerated, as decoders do.
 */
export function pngIntegrity(bytes: Buffer): Integrity {
  let at = 8;
  let data = false;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return truncated(`a chunk header at byte ${at} is cut short`);
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (length > 0x7fffffff) return corrupt(`chunk ${type} at byte ${at} declares ${length} bytes`);
    if (at + 12 + length > bytes.length) return truncated(`chunk ${type} at byte ${at} runs past the end`);
    if (at === 8 && (type !== 'IHDR' || length !== 13)) return corrupt('the first chunk is not a 13-byte IHDR');
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) return corrupt(`chunk ${type} at byte ${at} fails its CRC`);
    if (type === 'IDAT') data = true;
    if (type === 'IEND') return data ? OK : corrupt('no image data (IDAT) before IEND');
    at += 12 + length;
  }
  return truncated('no IEND chunk at the end');
}

/**
 * PDF (ISO 32000-1 §7.5.5): the file trailer ends with %%EOF. Readers look for it in the last
 * 1024 bytes (Adobe's implementation note 18), so that is where a whole file has it.
 */
export function pdfTailIntegrity(bytes: Buffer): Integrity {
  const tail = withoutPadding(bytes).subarray(-1024).toString('latin1');
  return tail.includes('%%EOF') ? OK : truncated('no %%EOF marker in the last 1024 bytes');
}
