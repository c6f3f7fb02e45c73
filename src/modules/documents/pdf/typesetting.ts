import type { Font, GlyphRun } from 'fontkit';
import { visualRuns, type TextRun } from './bidi-runs.ts';
import type { DocumentFonts } from './fonts.ts';
import { glyphForms } from './outlines.ts';

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
/** Layouts kept per font: labels, titles and dates repeat from one document to the next. */
const CACHE_LIMIT = 20_000;

function memo<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** Arabic vowel and other optional marks (harakat, tanwin, superscript alef). */
const OPTIONAL_MARKS = /[\u064B-\u065F\u0670]/g;

/**
 * fontkit 2.0 throws on a few mark attachments Noto Sans Arabic has no anchor for (a kasratan
 * under a final feh, as in "كافٍ"). Such a run is drawn without its optional vowel marks (the text
 * layer keeps them), and as a last resort without mark positioning: a document is never refused
 * for a diacritic.
 */
function shape(font: Font, text: string, features?: Record<string, boolean>): GlyphRun {
  // fontkit writes into the features object it is given: each attempt gets its own.
  try {
    return font.layout(text, features && { ...features });
  } catch {
    try {
      return font.layout(text.replace(OPTIONAL_MARKS, ''), features && { ...features });
    } catch {
      return font.layout(text, { ...features, mark: false, mkmk: false });
    }
  }
}

const layouts = new WeakMap<Font, Map<string, GlyphRun>>();
function layoutOf(font: Font, text: string): GlyphRun {
  let cache = layouts.get(font);
  if (!cache) layouts.set(font, (cache = new Map()));
  return memo(cache, text, () => shape(font, text));
}

/**
 * The text layer's shaping: no composition (one glyph per letter), and no positioning (kerning,
 * cursive attachment, marks), so its glyphs follow each other by their advance widths and text
 * extraction sees one word where the ink shows one.
 */
const TEXT_LAYER_FEATURES = { ccmp: false, kern: false, curs: false, mark: false, mkmk: false };

/**
 * The Arabic face as the hidden text layer needs it: composition (`ccmp`) off, so each glyph is
 * one letter (or a lam-alef ligature) and pdfkit's glyph → Unicode map names it right. Layouts are
 * memoised; pdfkit scales the positions it is given in place, so each call gets fresh copies.
 */
function textLayerFace(font: Font): Font {
  const cache = new Map<string, GlyphRun>();
  const face = Object.create(font) as Font;
  face.layout = (text: string) => {
    const run = memo(cache, text, () => shape(font, text, TEXT_LAYER_FEATURES));
    const positions = run.positions.map((p) => ({ ...p }));
    return { glyphs: run.glyphs, positions, get advanceWidth() { return positions.reduce((sum, p) => sum + p.xAdvance, 0); } };
  };
  return face;
}

const textLayerFaces = new WeakMap<Font, Font>();
const textLayerFaceOf = (font: Font) => textLayerFaces.get(font) ?? (textLayerFaces.set(font, textLayerFace(font)), textLayerFaces.get(font) as Font);

/** pdfkit's per-font word layouts, shared by every document (pdfkit keeps them per document otherwise). */
const pdfkitLayoutCaches = new Map<string, Record<string, unknown>>();

const n = (value: number) => String(Math.round(value * 100) / 100);

/**
 * Sets text on a pdfkit page in one of the three languages: lines broken at spaces, each line
 * ordered by the bidi algorithm, Latin runs as ordinary PDF text, Arabic runs shaped by fontkit.
 *
 * Arabic is drawn in two layers. Noto Sans Arabic shapes letters by composing them (a dotless
 * base glyph plus dots, then joining forms of the base), so one glyph stands for several letters
 * and a PDF's glyph → Unicode map (ToUnicode) cannot name the right one: extracted text would read
 * "ورارة" for "وزارة". The visible glyphs are therefore drawn as outlines (not text), and the same
 * run is laid out again without composition as invisible text (rendering mode 3, ISO 32000-1
 * §9.3.6) stretched over the same width: what pdftotext, search and copy read. ActualText spans
 * would be the textbook answer, but poppler reverses their text on right-to-left lines.
 */
export function typesetter(doc: PDFKit.PDFDocument, fonts: DocumentFonts, direction: 'ltr' | 'rtl') {
  const pdfFonts = {
    latin: fonts.latin.regular,
    'latin-bold': fonts.latin.bold,
    'arabic-text': textLayerFaceOf(fonts.arabicText.regular),
    'arabic-text-bold': textLayerFaceOf(fonts.arabicText.bold),
  };
  for (const [name, font] of Object.entries(pdfFonts)) doc.registerFont(name, font as never);
  const glyphForm = glyphForms(doc);

  function useFont(name: keyof typeof pdfFonts, size: number) {
    doc.font(name).fontSize(size);
    // pdfkit lays out word by word and caches per document; the words of labels and dates recur across documents.
    const current = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
    if (current?.layoutCache) current.layoutCache = memo(pdfkitLayoutCaches as Map<string, Record<string, unknown>>, name, () => current.layoutCache as Record<string, unknown>);
  }

  const shaper = (run: TextRun, style: TextStyle) => (run.script === 'latin' ? fonts.latin : fonts.arabicInk)[style.bold ? 'bold' : 'regular'];

  function runWidth(run: TextRun, style: TextStyle): number {
    const font = shaper(run, style);
    return (layoutOf(font, run.glyphs).advanceWidth * style.size) / font.unitsPerEm;
  }

  function width(text: string, style: TextStyle): number {
    return visualRuns(text, direction).reduce((sum, run) => sum + runWidth(run, style), 0);
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
    useFont(style.bold ? 'latin-bold' : 'latin', style.size);
    doc.fillColor(style.color ?? DEFAULT_COLOR);
    doc.text(run.glyphs, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }

  function drawArabic(run: TextRun, style: TextStyle, x: number, baseline: number, visibleWidth: number) {
    const font = shaper(run, style);
    const shaped = layoutOf(font, run.glyphs);
    const scale = style.size / font.unitsPerEm;
    let pen = x;
    const ink: string[] = [];
    shaped.glyphs.forEach((glyph, i) => {
      const position = shaped.positions[i];
      const form = glyphForm(font, glyph);
      if (form && position) ink.push(`q ${scale} 0 0 ${-scale} ${n(pen + position.xOffset * scale)} ${n(baseline - position.yOffset * scale)} cm /${form} Do Q`);
      pen += (position?.xAdvance ?? 0) * scale;
    });
    doc.fillColor(style.color ?? DEFAULT_COLOR);
    doc.addContent(ink.join('\n'));
    const layer = style.bold ? 'arabic-text-bold' : 'arabic-text';
    const layerFont = pdfFonts[layer];
    const layerWidth = (layerFont.layout(run.text).advanceWidth * style.size) / layerFont.unitsPerEm;
    doc.save();
    doc.addContent('3 Tr');
    useFont(layer, style.size);
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
    const runs = visualRuns(text, direction);
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
