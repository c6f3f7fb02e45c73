import type { Font, GlyphRun } from 'fontkit';
import { visualRuns, type TextRun } from './bidi-runs.ts';

/** Entries kept per cache: labels, titles and dates repeat from one document to the next; values do not. */
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
function shape(font: Font, text: string): GlyphRun {
  try {
    return font.layout(text);
  } catch {
    try {
      return font.layout(text.replace(OPTIONAL_MARKS, ''));
    } catch {
      return font.layout(text, { mark: false, mkmk: false });
    }
  }
}

const runCache = { ltr: new Map<string, TextRun[]>(), rtl: new Map<string, TextRun[]>() };
/** A line's bidi runs, remembered: breaking a paragraph measures the same prefixes again. */
export const runsOf = (text: string, direction: 'ltr' | 'rtl') => memo(runCache[direction], text, () => visualRuns(text, direction));

const layouts = new WeakMap<Font, Map<string, GlyphRun>>();
/** A run shaped by fontkit, remembered per font. */
export function layoutOf(font: Font, text: string): GlyphRun {
  let cache = layouts.get(font);
  if (!cache) layouts.set(font, (cache = new Map()));
  return memo(cache, text, () => shape(font, text));
}

/** fontkit reverses a run holding Arabic script (see bidi-runs.ts); the text layer must do the same. */
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/**
 * The Arabic face as the hidden text layer needs it: no shaping at all. Each character is drawn
 * with the glyph the font's character map gives it, one glyph per character, so pdfkit's glyph →
 * Unicode map names every glyph right and extraction reads the letters as typed. The glyphs
 * follow each other by their advance widths (no gaps a text extractor would read as spaces), in
 * the order fontkit would give the visible ones. Nobody sees these glyphs; they are laid out in
 * microseconds and add only the few dozen letters a document uses to its font subset.
 */
function textLayerFace(font: Font): Font {
  const face = Object.create(font) as Font;
  face.layout = (text: string) => {
    const glyphs = Array.from(text, (char) => font.glyphForCodePoint(char.codePointAt(0) ?? 0));
    if (ARABIC_SCRIPT.test(text)) glyphs.reverse();
    // pdfkit scales the positions it is given in place: each call gets its own.
    const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    return { glyphs, positions, get advanceWidth() { return positions.reduce((sum, p) => sum + p.xAdvance, 0); } };
  };
  return face;
}

const textLayerFaces = new WeakMap<Font, Font>();
export function textLayerFaceOf(font: Font): Font {
  let face = textLayerFaces.get(font);
  if (!face) textLayerFaces.set(font, (face = textLayerFace(font)));
  return face;
}

/** How many documents share pdfkit's word layouts of a font before they start afresh (memory stays bounded). */
const SHARED_WORDS_USES = 5_000;
const sharedWords = new Map<string, { words: Record<string, unknown>; uses: number }>();

/**
 * pdfkit lays Latin text out word by word and keeps the layouts per document (`layoutCache` of its
 * embedded font); the words of labels, titles and dates recur in every document, so the current
 * document's font is handed the cache the previous ones filled. The layouts depend on the font
 * alone (the same fontkit font, the same scale), never on the document.
 */
export function shareWordLayouts(doc: PDFKit.PDFDocument, name: string): void {
  const font = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  if (!font?.layoutCache) return;
  let entry = sharedWords.get(name);
  if (!entry || entry.uses >= SHARED_WORDS_USES) sharedWords.set(name, (entry = { words: font.layoutCache, uses: 0 }));
  entry.uses += 1;
  font.layoutCache = entry.words;
}
