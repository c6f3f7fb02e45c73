import type { Font } from 'fontkit';
import type { TextRun } from './bidi-runs.ts';
import type { DocumentFonts } from './fonts.ts';
import { glyphForms } from './outlines.ts';
import { layoutOf, runsOf, shareWordLayouts, textLayerFaceOf } from './shaping.ts';

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

/** Where a line goes: `start` is the left edge in a left-to-right document, the right edge in Arabic. */
export interface LineBox {
  x: number;
  width: number;
  /** y of the baseline, from the top of the page (pdfkit's user space). */
  baseline: number;
  align?: 'start' | 'end' | 'center';
}

const DEFAULT_COLOR = '#111111';

const n = (value: number) => String(Math.round(value * 100) / 100);
const n6 = (value: number) => String(Math.round(value * 1e6) / 1e6);

/**
 * Sets text on a pdfkit page in one of the three languages: lines broken at spaces, each line
 * ordered by the bidi algorithm, Latin runs as ordinary PDF text, Arabic runs shaped by fontkit.
 *
 * Arabic is drawn in two layers. Noto Sans Arabic shapes letters by composing them (a dotless
 * base glyph plus dots, then joining forms of the base), so one glyph stands for several letters
 * and a PDF's glyph → Unicode map (ToUnicode) cannot name the right one: extracted text would read
 * "ورارة" for "وزارة". The visible glyphs are therefore drawn as outlines (not text), and the same
 * letters are set again, unshaped, one glyph per letter (shaping.ts), as invisible text (rendering
 * mode 3, ISO 32000-1 §9.3.6) stretched over the same width: what pdftotext, search and copy read.
 * ActualText spans would be the textbook answer, but poppler reverses their text on right-to-left
 * lines.
 */
export function typesetter(doc: PDFKit.PDFDocument, fonts: DocumentFonts, direction: 'ltr' | 'rtl') {
  // Invisible, so one weight serves: one Arabic font fewer to subset and embed.
  const textLayer = textLayerFaceOf(fonts.arabicText);
  // Registered under their PostScript names, the name pdfkit files a document's default font under
  // (render.ts makes it Noto Sans): using it then finds that font instead of opening it again.
  for (const face of [fonts.latin.regular, fonts.latin.bold, textLayer]) doc.registerFont(face.postscriptName, face as never);
  const glyphForm = glyphForms(doc);

  function useFont(face: Font, size: number) {
    doc.font(face.postscriptName).fontSize(size);
    shareWordLayouts(doc, face.postscriptName);
  }

  const shaper = (run: TextRun, style: TextStyle) => (run.script === 'latin' ? fonts.latin : fonts.arabicInk)[style.bold ? 'bold' : 'regular'];

  function runWidth(run: TextRun, style: TextStyle): number {
    const font = shaper(run, style);
    return (layoutOf(font, run.glyphs).advanceWidth * style.size) / font.unitsPerEm;
  }

  function width(text: string, style: TextStyle): number {
    return runsOf(text, direction).reduce((sum, run) => sum + runWidth(run, style), 0);
  }

  /** Breaks a paragraph into lines no wider than `maxWidth`, at spaces (inside a word only when one word is wider). */
  function lines(text: string, style: TextStyle, maxWidth: number): string[] {
    if (width(text, style) <= maxWidth) return [text];
    const result: string[] = [];
    let line = '';
    for (const word of text.split(' ').filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate, style) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) result.push(line);
      let rest = word;
      while (width(rest, style) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && width(rest.slice(0, cut), style) > maxWidth) cut -= 1;
        result.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) result.push(line);
    return result;
  }

  function drawLatin(run: TextRun, style: TextStyle, x: number, baseline: number) {
    useFont(fonts.latin[style.bold ? 'bold' : 'regular'], style.size);
    doc.fillColor(style.color ?? DEFAULT_COLOR);
    doc.text(run.glyphs, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }

  function drawArabic(run: TextRun, style: TextStyle, x: number, baseline: number, visibleWidth: number) {
    const font = shaper(run, style);
    const shaped = layoutOf(font, run.glyphs);
    const scale = style.size / font.unitsPerEm;
    // One coordinate space per run, in font units (y up): each glyph is then a short relative move.
    const ink = [`q ${n6(scale)} 0 0 ${n6(-scale)} ${n(x)} ${n(baseline)} cm`];
    let [penX, atX, atY] = [0, 0, 0];
    shaped.glyphs.forEach((glyph, i) => {
      const position = shaped.positions[i];
      if (!position) return;
      const form = glyphForm(font, glyph);
      if (form) {
        const [toX, toY] = [penX + position.xOffset, position.yOffset];
        ink.push(`1 0 0 1 ${n(toX - atX)} ${n(toY - atY)} cm /${form} Do`);
        [atX, atY] = [toX, toY];
      }
      penX += position.xAdvance;
    });
    ink.push('Q');
    doc.fillColor(style.color ?? DEFAULT_COLOR);
    doc.addContent(ink.join('\n'));
    const layerWidth = (textLayer.layout(run.text).advanceWidth * style.size) / textLayer.unitsPerEm;
    doc.save();
    doc.addContent('3 Tr');
    useFont(textLayer, style.size);
    // `features` makes pdfkit lay the run out whole (not word by word, which would undo the right-to-left order).
    doc.text(run.text, x, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      features: [],
      horizontalScaling: layerWidth > 0 ? Math.round((visibleWidth / layerWidth) * 10_000) / 100 : 100,
    } as PDFKit.Mixins.TextOptions);
    doc.restore();
  }

  /** Draws one line (no breaking) in its box. */
  function draw(text: string, style: TextStyle, box: LineBox): void {
    const runs = runsOf(text, direction);
    const widths = runs.map((run) => runWidth(run, style));
    const total = widths.reduce((a, b) => a + b, 0);
    const align = box.align ?? 'start';
    const atLeft = (align === 'start') === (direction === 'ltr');
    let x = align === 'center' ? box.x + (box.width - total) / 2 : atLeft ? box.x : box.x + box.width - total;
    runs.forEach((run, i) => {
      const runWidthPt = widths[i] ?? 0;
      if (run.script === 'latin') drawLatin(run, style, x, box.baseline);
      else drawArabic(run, style, x, box.baseline, runWidthPt);
      x += runWidthPt;
    });
  }

  return { direction, width, lines, draw };
}

export type Typesetter = ReturnType<typeof typesetter>;
