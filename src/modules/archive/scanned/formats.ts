/**
 * The formats accepted for scanned paper records, with their PRONOM identifiers (The National
 * Archives' technical registry, https://www.nationalarchives.gov.uk/PRONOM/), so that an
 * archival package can say which format each file is in, as preservation tools (DROID, Siegfried) would.
 */
export type ScannedMediaType = 'application/pdf' | 'image/tiff' | 'image/jpeg' | 'image/png';

export interface ScannedFormat {
  mediaType: ScannedMediaType;
  /** The extensions a file of this format may carry, the first one canonical. */
  extensions: readonly string[];
}

export const SCANNED_FORMATS: Record<ScannedMediaType, ScannedFormat> = {
  'application/pdf': { mediaType: 'application/pdf', extensions: ['pdf'] },
  'image/tiff': { mediaType: 'image/tiff', extensions: ['tif', 'tiff'] },
  'image/jpeg': { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  'image/png': { mediaType: 'image/png', extensions: ['png'] },
};

export function isScannedMediaType(mediaType: string): mediaType is ScannedMediaType {
  return Object.hasOwn(SCANNED_FORMATS, mediaType);
}

/** Names clients give the same types (old browsers, scanners' drivers). */
const MEDIA_TYPE_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/tif': 'image/tiff',
  'image/x-tiff': 'image/tiff',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
};

/** A declared media type without parameters, lower-cased, aliases folded; undefined when it claims nothing. */
export function normalisedMediaType(mediaType: string | undefined): string | undefined {
  const bare = mediaType?.split(';')[0]?.trim().toLowerCase();
  // Browsers send octet-stream for any file they cannot name: that is no claim at all.
  if (!bare || bare === 'application/octet-stream') return undefined;
  return MEDIA_TYPE_ALIASES[bare] ?? bare;
}

/** The extension of a file name, lower-cased, without the dot; undefined when it has none. */
export function extensionOf(name: string | undefined): string | undefined {
  const base = name?.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : undefined;
}

// PRONOM: PDF 1.0–1.7 are fmt/14–fmt/20 then fmt/276; PDF 2.0 is fmt/1129. The version is the
// header's; a later /Version in the catalogue (ISO 32000-1 §7.5.2) is not read, nor PDF/A's XMP.
const PDF_PUIDS: Record<string, string> = {
  '1.0': 'fmt/14',
  '1.1': 'fmt/15',
  '1.2': 'fmt/16',
  '1.3': 'fmt/17',
  '1.4': 'fmt/18',
  '1.5': 'fmt/19',
  '1.6': 'fmt/20',
  '1.7': 'fmt/276',
  '2.0': 'fmt/1129',
};

export function pdfPuid(bytes: Buffer): string | undefined {
  const version = /^%PDF-(\d\.\d)/.exec(bytes.subarray(0, 16).toString('latin1'))?.[1];
  return version ? PDF_PUIDS[version] : undefined;
}

// JFIF 1.00 / 1.01 / 1.02 are fmt/42 / fmt/43 / fmt/44; a stream with neither JFIF nor Exif
// application segment is "Raw JPEG Stream", fmt/41. Exif JPEGs have one PUID per Exif version,
// which would need the Exif IFD read: left without a PUID rather than guessed.
const JFIF_PUIDS: Record<string, string> = { '1.0': 'fmt/42', '1.1': 'fmt/43', '1.2': 'fmt/44' };

export function jpegPuid(bytes: Buffer): string | undefined {
  // APP0 right after SOI: FF D8 FF E0, length (2), "JFIF\0", major, minor.
  if (bytes[3] === 0xe0 && bytes.subarray(6, 11).toString('latin1') === 'JFIF\0') return JFIF_PUIDS[`${bytes[11]}.${bytes[12]}`];
  if (bytes[3] === 0xe1 && bytes.subarray(6, 10).toString('latin1') === 'Exif') return undefined;
  return 'fmt/41';
}

// PNG 1.2 (fmt/13) is the edition every current encoder writes (ISO/IEC 15948:2004 is the same
// format); DROID tells 1.0 and 1.1 apart by chunks added later, which scanners' files all may carry.
export const PNG_PUID = 'fmt/13';
// Baseline TIFF 6.0, fmt/353 ("Tagged Image File Format"); TIFF-based raw camera formats are refused.
export const TIFF_PUID = 'fmt/353';
