/** The key of the PDF document information dictionary (ISO 32000-1 §14.3.3) holding the QR payload. */
export const PDF_PAYLOAD_KEY = 'GuichetPayload';

// A payload is base45 after its prefix: nothing a PDF literal string would escape (no parenthesis, no backslash).
const LITERAL = '\\(([0-9A-Z $%*+\\-./:]{1,8192})\\)';
/** The entry: its value written in place, or (as pdfkit writes it) a reference to an indirect object. */
const ENTRY = new RegExp(`/${PDF_PAYLOAD_KEY}\\s*(?:${LITERAL}|(\\d{1,10})\\s+(\\d{1,5})\\s+R)`, 'g');

const lastMatch = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].at(-1);

/**
 * The payload a Guichet PDF carries in its information dictionary, or null. When a file was
 * updated incrementally the last entry (and the last version of an object) wins, as in any PDF
 * reader. Reading the payload here spares rasterising the page and decoding the QR code; it proves
 * nothing by itself: the payload is verified like one scanned from paper.
 */
export function payloadFromPdf(bytes: Buffer): string | null {
  const text = bytes.toString('latin1');
  const entry = lastMatch(ENTRY, text);
  if (!entry) return null;
  if (entry[1] !== undefined) return entry[1];
  const object = lastMatch(new RegExp(`(?:^|\\s)${entry[2]}\\s+${entry[3]}\\s+obj\\s*${LITERAL}`, 'g'), text);
  return object?.[1] ?? null;
}
