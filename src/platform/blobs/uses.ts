/** Media type given to a use that accepts plain text, which has no magic bytes to sniff. */
export const PLAIN_TEXT = 'text/plain';

/** What a blob may be for one purpose: the real types accepted and the largest size. */
export interface BlobUse {
  /** Media types as detected from the bytes; `text/plain` means valid UTF-8 without NUL bytes. */
  mediaTypes: readonly string[];
  maxBytes: number;
}

const MiB = 1024 * 1024;

/** Every purpose a file is uploaded or produced for. Adding one is a line here, not a code path. */
export const BLOB_USES = {
  /** A supporting document an applicant attaches to an application. */
  attachment: { mediaTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'], maxBytes: 10 * MiB },
  /** A paper record digitised by an agency or the archive (multi-page scans are large). */
  scan: { mediaTypes: ['application/pdf', 'image/tiff', 'image/jpeg', 'image/png'], maxBytes: 100 * MiB },
  /** A certificate, licence or permit the platform issues. */
  issued_document: { mediaTypes: ['application/pdf'], maxBytes: 10 * MiB },
  /** A bank or payment-provider statement (CSV or plain text) for reconciliation. */
  statement: { mediaTypes: [PLAIN_TEXT], maxBytes: 20 * MiB },
} as const satisfies Record<string, BlobUse>;

export type BlobUseName = keyof typeof BLOB_USES;
