import PDFDocument from 'pdfkit';
import type { LocalisedText } from '../../../platform/auth/schema.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import type { DocumentDraft } from '../draft.ts';
import { formatDay } from '../formats.ts';
import { PDF_PAYLOAD_KEY } from '../pdf-payload.ts';
import { dayOf } from '../validity.ts';
import { documentFonts } from './fonts.ts';
import { drawQr, qrSymbol } from './qr.ts';
import { typesetter, type TextStyle } from './typesetting.ts';

export interface RenderInput {
  draft: DocumentDraft;
  country: LocalisedText;
  /** The key that signed the payload, printed for whoever checks by hand. */
  kid: string;
  /** The public verification page, printed under the QR code. */
  verifyUrl: string;
  payload: string;
}

export interface RenderedDocument {
  pdf: Buffer;
  qrVersion: number;
  pages: number;
}

// A4 in points (ISO 216: 210 × 297 mm).
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const CONTENT = PAGE.width - 2 * MARGIN;
const FOOTER_BASELINE = PAGE.height - 30;
const BOTTOM = PAGE.height - 64;
const QR_SIDE = 128;
const GREY = '#555555';
const STYLE = {
  country: { size: 9, color: GREY },
  agency: { size: 14, bold: true },
  title: { size: 18, bold: true },
  meta: { size: 10, color: GREY },
  label: { size: 9.5, color: GREY },
  holder: { size: 13, bold: true },
  value: { size: 11 },
  validity: { size: 11, bold: true },
  notice: { size: 9.5 },
  small: { size: 8.5, color: GREY },
} satisfies Record<string, TextStyle>;

/**
 * Draws an issued document on A4 in its language (Arabic right to left, the layout mirrored):
 * the country and the issuing agency, the title, number and date, the holder, the fields, the
 * validity, and the QR code of the signed payload with how to verify it. The payload is also
 * written in the PDF's document information dictionary, so a verifier reads it from the file
 * without rasterising the page.
 */
export async function renderDocumentPdf(input: RenderInput): Promise<RenderedDocument> {
  const { draft } = input;
  const language = draft.language;
  const t = (key: string, params?: Record<string, unknown>) => translate(language, key, params);
  const rtl = language === 'ar';
  const fonts = documentFonts();
  // The default font is one of ours: pdfkit would otherwise parse Helvetica's metrics for every document.
  const doc = new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, lang: language, displayTitle: true, font: fonts.latin.regular as never });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  Object.assign(doc.info, {
    Title: draft.title[language],
    Subject: draft.number,
    Author: draft.agency.names[language],
    Creator: 'Guichet',
    CreationDate: draft.issuedAt,
    [PDF_PAYLOAD_KEY]: input.payload,
  });

  const type = typesetter(doc, fonts, rtl ? 'rtl' : 'ltr');
  /** A column measured from the start margin (left in LTR, right in Arabic), as page x. */
  const column = (offset: number, width: number) => (rtl ? PAGE.width - MARGIN - offset - width : MARGIN + offset);
  let y = MARGIN;

  /** Draws a paragraph in a column from the current y; returns its height. */
  function paragraph(text: string, style: TextStyle, offset: number, width: number, leading: number, top = y): number {
    const lines = type.lines(text, style, width);
    lines.forEach((line, i) => type.draw(line, style, { x: column(offset, width), width, baseline: top + style.size + i * leading }));
    return lines.length * leading;
  }

  function rule(at: number, color: string) {
    doc.moveTo(MARGIN, at).lineTo(PAGE.width - MARGIN, at).lineWidth(0.6).strokeColor(color).stroke();
  }

  function room(height: number) {
    if (y + height <= BOTTOM) return;
    doc.addPage();
    y = MARGIN;
  }

  // The QR code heads the first page, on the end side, where a verifier looks first and whatever the page count.
  const symbol = qrSymbol(input.payload);
  drawQr(doc, symbol, column(CONTENT - QR_SIDE, QR_SIDE), MARGIN - 10, QR_SIDE);
  const header = CONTENT - QR_SIDE - 16;
  y += paragraph(input.country[language], STYLE.country, 0, header, 14);
  y += paragraph(draft.agency.names[language], STYLE.agency, 0, header, 20) + 12;
  y += paragraph(draft.title[language], STYLE.title, 0, header, 24);
  y += 4 + paragraph(t('documents.number', { number: draft.number }), STYLE.meta, 0, header, 14);
  y += paragraph(t('documents.issuedOn', { date: formatDay(dayOf(draft.issuedAt), language) }), STYLE.meta, 0, header, 14);
  y = Math.max(y, MARGIN + QR_SIDE - 10) + 8;
  rule(y, '#999999');
  y += 12;
  y += paragraph(t('documents.holder'), STYLE.label, 0, CONTENT, 14);
  y += paragraph(draft.holder.id ? `${draft.holder.name} (${draft.holder.id})` : draft.holder.name, STYLE.holder, 0, CONTENT, 18) + 10;

  const labelWidth = CONTENT * 0.38;
  const valueOffset = labelWidth + 12;
  const valueWidth = CONTENT - valueOffset;
  for (const field of draft.fields) {
    const labelLines = type.lines(field.label[language], STYLE.label, labelWidth);
    const valueLines = type.lines(field.value, STYLE.value, valueWidth);
    const height = Math.max(labelLines.length * 13, valueLines.length * 15) + 8;
    room(height);
    rule(y, '#dddddd');
    labelLines.forEach((line, i) => type.draw(line, STYLE.label, { x: column(0, labelWidth), width: labelWidth, baseline: y + 4 + STYLE.label.size + i * 13 }));
    valueLines.forEach((line, i) => type.draw(line, STYLE.value, { x: column(valueOffset, valueWidth), width: valueWidth, baseline: y + 4 + STYLE.value.size + i * 15 }));
    y += height;
  }
  rule(y, '#dddddd');
  y += 12;
  const from = formatDay(draft.validFrom, language);
  const validity = draft.validUntil ? t('documents.validity', { from, until: formatDay(draft.validUntil, language) }) : t('documents.validityOpen', { from });
  const closing = [
    { text: validity, style: STYLE.validity, leading: 16, after: 14 },
    { text: t('documents.verify', { url: input.verifyUrl }), style: STYLE.notice, leading: 13, after: 6 },
    { text: t('documents.signedBy', { agency: draft.agency.names[language], kid: input.kid }), style: STYLE.small, leading: 12, after: 0 },
  ];
  for (const line of closing) {
    room(type.lines(line.text, line.style, CONTENT).length * line.leading);
    y += paragraph(line.text, line.style, 0, CONTENT, line.leading) + line.after;
  }

  const { count } = doc.bufferedPageRange();
  for (let page = 0; page < count; page++) {
    doc.switchToPage(page);
    type.draw(t('documents.page', { number: draft.number, page: page + 1, pages: count }), STYLE.small, { x: MARGIN, width: CONTENT, baseline: FOOTER_BASELINE, align: 'center' });
  }
  doc.end();
  await finished;
  return { pdf: Buffer.concat(chunks), qrVersion: symbol.version, pages: count };
}
