import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';

/**
 * GovStack uploads a document first (POST /documents → a url) and names it later in an
 * application's `documentUrls`. Guichet keeps files only as attachments of an application, so the
 * url is a sealed reference (AES-256-GCM under the server key): the content hash, who uploaded it,
 * its name and the attachment kind asked for. It cannot be forged or used by someone else, and
 * needs no table; the bytes wait in the content-addressed blob store until a submission names them.
 */
export interface DocumentReference {
  sha256: string;
  uploadedBy: string;
  fileName: string;
  mediaType: string;
  /** The attachment kind asked for in `additionalMetadata`, if any. */
  kind: string | null;
}

const MARK = 'gsdoc1';

export function documentUrl(prefix: string, box: SecretBox, reference: DocumentReference): string {
  const sealed = box.seal(JSON.stringify([MARK, reference.sha256, reference.uploadedBy, reference.fileName, reference.mediaType, reference.kind]));
  return `${prefix}/documents/${sealed}`;
}

/** The reference a url carries, if it was sealed here; null for anything else. */
export function readDocumentUrl(box: SecretBox, url: string): DocumentReference | null {
  const sealed = url.slice(url.lastIndexOf('/') + 1);
  try {
    const [mark, sha256, uploadedBy, fileName, mediaType, kind] = JSON.parse(box.open(sealed)) as unknown[];
    if (mark !== MARK || typeof sha256 !== 'string' || typeof uploadedBy !== 'string') return null;
    return { sha256, uploadedBy, fileName: String(fileName), mediaType: String(mediaType), kind: typeof kind === 'string' ? kind : null };
  } catch {
    return null;
  }
}

export interface ReceivedFile {
  bytes: Buffer;
  fileName: string;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function fromBase64(text: string, index: number): Buffer {
  const compact = text.replace(/\s+/g, '').replace(/^data:[^,]*;base64,/, '');
  if (!BASE64.test(compact)) throw fieldError(400, 'govstack_file_not_base64', `file/${index}`);
  return Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64');
}

const FILE_FIELDS = new Set(['file', 'file[]']);
const isFileField = (name: string) => FILE_FIELDS.has(name) || /^file\[\d+\]$/.test(name);

/**
 * The one file of an upload, as the specification allows it to come: multipart/form-data (a file
 * part, or a base64 text part, named `file`), a form-urlencoded `file` in base64, or JSON
 * `{ "file": ["<base64>"] }`. Exactly one file per request: the answer has one url.
 */
export async function fileOfUpload(contentType: string, body: unknown): Promise<ReceivedFile> {
  const files: ReceivedFile[] = [];
  if (contentType.startsWith('multipart/form-data') && Buffer.isBuffer(body)) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData().catch(() => {
      throw new AppError(400, 'govstack_multipart_invalid');
    });
    for (const [name, value] of form.entries()) {
      if (!isFileField(name)) continue;
      if (typeof value === 'string') files.push({ bytes: fromBase64(value, files.length), fileName: 'document' });
      else files.push({ bytes: Buffer.from(await value.arrayBuffer()), fileName: value.name || 'document' });
    }
  } else if (contentType.startsWith('application/x-www-form-urlencoded') && Buffer.isBuffer(body)) {
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
      if (isFileField(name)) files.push({ bytes: fromBase64(value, files.length), fileName: 'document' });
    }
  } else if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) {
    const field = (body as { file?: unknown }).file;
    const items = Array.isArray(field) ? field : field === undefined ? [] : [field];
    for (const item of items) {
      if (typeof item !== 'string') throw fieldError(400, 'govstack_file_not_base64', `file/${files.length}`);
      files.push({ bytes: fromBase64(item, files.length), fileName: 'document' });
    }
  }
  if (files.length === 0 || files.every((f) => f.bytes.length === 0)) throw fieldError(400, 'file_empty', 'file');
  if (files.length > 1) throw fieldError(400, 'govstack_one_file_per_upload', 'file', { count: files.length });
  return files[0] as ReceivedFile;
}
