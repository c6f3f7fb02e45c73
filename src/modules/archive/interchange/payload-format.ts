import fs from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import { isPlainText } from '../../../platform/blobs/plain-text.ts';
import { jpegPuid, pdfPuid, PNG_PUID, TIFF_PUID } from '../scanned/formats.ts';

/** Enough of a file for every signature file-type knows (it reads at most ~4 KiB) and a fair look at text. */
const HEAD_BYTES = 64 * 1024;

/** The head cut at the last whole UTF-8 character, so a character split by the cut is not taken for binary. */
function wholeCharacters(head: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, head.length); back++) {
    const byte = head[head.length - back] as number;
    if (byte < 0x80) return head;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? head.subarray(0, head.length - back) : head;
    }
  }
  return head;
}

const PUIDS: Record<string, (head: Buffer) => string | undefined> = {
  'application/pdf': pdfPuid,
  'image/jpeg': jpegPuid,
  'image/png': () => PNG_PUID,
  'image/tiff': () => TIFF_PUID,
};

/**
 * A bag file's format from its signature (magic bytes), never from its name — the way scanned
 * records are identified (scanned/identify.ts) and with the same library and PRONOM identifiers,
 * but nothing refused: a bag from another archive holds what it holds. No signature: UTF-8 text
 * without NUL is `text/plain`, anything else `application/octet-stream`.
 */
export async function formatBySignature(file: string): Promise<{ format: string; puid?: string }> {
  const handle = await fs.open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    const puid = PUIDS[detected.mime]?.(head);
    return puid ? { format: detected.mime, puid } : { format: detected.mime };
  }
  return { format: head.length > 0 && isPlainText(wholeCharacters(head)) ? 'text/plain' : 'application/octet-stream' };
}
