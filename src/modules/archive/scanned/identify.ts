/**
 * Format identification of a scanned record by its signature (magic bytes), never by its name:
 * the name and the browser's media type are claims, checked against what the bytes are. Then
 * the file's own structure is walked to refuse what arrived cut short or damaged, before anything
 * is stored or read for text.
 */
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/http/errors.ts';
import { isPlainText } from '../../../platform/blobs/plain-text.ts';
import {
  extensionOf,
  isScannedMediaType,
  jpegPuid,
  normalisedMediaType,
  pdfPuid,
  PNG_PUID,
  SCANNED_FORMATS,
  TIFF_PUID,
  type ScannedMediaType,
} from './formats.ts';
import { jpegIntegrity, pdfTailIntegrity, pngIntegrity, type IntegrityProblem } from './integrity.ts';
import { openPdf, withPdfOnDisk } from './poppler.ts';
import { isBigTiff, tiffPages } from './tiff.ts';

export interface ClaimedFormat {
  /** The file's name as uploaded: its extension is a claim, and the name is quoted in refusals. */
  name?: string;
  /** The media type the client declared (Content-Type of the part). */
  mediaType?: string;
}

export interface IdentifiedFormat {
  mediaType: ScannedMediaType;
  /** The canonical extension for the format, whatever the upload was called. */
  extension: string;
  /** PRONOM unique identifier, when the bytes say which version it is (formats.ts). */
  puid?: string;
  /** Pages in the file (PDF, multi-page TIFF); 1 for JPEG and PNG. */
  pages: number;
}

/** What the bytes are, in media-type terms, for a refusal to name: file-type's answer, else text or unknown bytes. */
async function detectedType(bytes: Buffer): Promise<{ mediaType: string; extension?: string }> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return { mediaType: detected.mime, extension: detected.ext };
  return { mediaType: isPlainText(bytes) ? 'text/plain' : 'application/octet-stream' };
}

/** Whether a claimed media type or extension names one of the accepted formats. */
function claimsScannedFormat(claim: string): boolean {
  return isScannedMediaType(claim) || Object.values(SCANNED_FORMATS).some((format) => format.extensions.includes(claim.slice(1)));
}

/**
 * How the claim contradicts the detected type, or undefined when it does not. A contradiction
 * between two formats that are both refused anyway (a .csv that is plain text) is not worth
 * telling: the refusal says the format is not accepted.
 */
function contradictedClaim(claimed: ClaimedFormat, detected: { mediaType: string; extension?: string }): string | undefined {
  const accepted = isScannedMediaType(detected.mediaType) ? SCANNED_FORMATS[detected.mediaType] : undefined;
  const mediaType = normalisedMediaType(claimed.mediaType);
  const extension = extensionOf(claimed.name);
  const expected = accepted ? accepted.extensions : [detected.extension ?? (detected.mediaType === 'text/plain' ? 'txt' : '')];
  const contradictions = [
    mediaType && mediaType !== detected.mediaType ? mediaType : undefined,
    extension && !expected.includes(extension) ? `.${extension}` : undefined,
  ];
  return contradictions.find((claim) => claim !== undefined && (accepted !== undefined || claimsScannedFormat(claim)));
}

/** The refusal of a file whose structure is cut short or damaged, naming it, the technical reason in details. */
export function integrityRefusal(problem: IntegrityProblem, file: string): AppError {
  return new AppError(422, problem.problem === 'truncated' ? 'archive_file_truncated' : 'archive_file_corrupt', { file }, { reason: problem.reason });
}

/**
 * Identifies a scanned record from its bytes: PDF, TIFF, JPEG or PNG, with its PRONOM PUID and
 * page count. Refuses, with a 422 naming the file:
 * - `archive_format_mismatch` when the name's extension or the declared type says otherwise;
 * - `archive_format_not_accepted` for any other format (BigTIFF and TIFF-based camera raw included);
 * - `archive_file_truncated` / `archive_file_corrupt` when the signature is right but the file is
 *   cut short or unreadable; `archive_file_encrypted` for a PDF that needs a password to open.
 */
export async function identifyFormat(bytes: Buffer, claimed: ClaimedFormat = {}): Promise<IdentifiedFormat> {
  const file = claimed.name ?? '';
  if (bytes.length === 0) throw new AppError(422, 'archive_file_truncated', { file }, { reason: 'the file is empty' });
  const detected = await detectedType(bytes);
  const contradiction = contradictedClaim(claimed, detected);
  if (contradiction) throw new AppError(422, 'archive_format_mismatch', { file, claimed: contradiction, detected: detected.mediaType });
  if (!isScannedMediaType(detected.mediaType) || (detected.mediaType === 'image/tiff' && isBigTiff(bytes))) {
    throw new AppError(422, 'archive_format_not_accepted', { file, detected: detected.mediaType });
  }
  const mediaType = detected.mediaType;
  const refuse = (problem: IntegrityProblem) => integrityRefusal(problem, file);
  const identified = (pages: number, puid: string | undefined): IdentifiedFormat => ({
    mediaType,
    extension: SCANNED_FORMATS[mediaType].extensions[0] ?? '',
    ...(puid ? { puid } : {}),
    pages,
  });

  switch (mediaType) {
    case 'image/jpeg': {
      const integrity = jpegIntegrity(bytes);
      if (!integrity.ok) throw refuse(integrity);
      return identified(1, jpegPuid(bytes));
    }
    case 'image/png': {
      const integrity = pngIntegrity(bytes);
      if (!integrity.ok) throw refuse(integrity);
      return identified(1, PNG_PUID);
    }
    case 'image/tiff': {
      const pages = tiffPages(bytes);
      if (!pages.ok) throw refuse(pages);
      return identified(pages.directories.length, TIFF_PUID);
    }
    case 'application/pdf': {
      const tail = pdfTailIntegrity(bytes);
      if (!tail.ok) throw refuse(tail);
      const opened = await withPdfOnDisk(bytes, (path) => openPdf(path));
      if (opened.ok) return identified(opened.pages, pdfPuid(bytes));
      if (opened.encrypted) throw new AppError(422, 'archive_file_encrypted', { file });
      throw refuse({ ok: false, problem: 'corrupt', reason: opened.reason });
    }
  }
}
