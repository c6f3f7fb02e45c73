import { deflateSync } from 'node:zlib';
import type { Font, Glyph } from 'fontkit';

const outlines = new WeakMap<Font, Map<number, Buffer | null>>();

// Font units (1/1000 em for Noto): whole units are finer than any printer.
const n = (value: number) => String(Math.round(value));

/**
 * A glyph's outline as PDF path operators (ISO 32000-1 §8.5.2) filling it, in font units, y up,
 * deflated; null for a glyph with no outline (a space). TrueType outlines are quadratic; PDF has
 * only cubic Béziers, so each quadratic segment is raised to a cubic with the same curve (control
 * points two thirds of the way to the quadratic one). Computed once per glyph per process: the
 * same bytes go into every document that uses the glyph.
 */
function outlineOf(font: Font, glyph: Glyph): Buffer | null {
  let cache = outlines.get(font);
  if (!cache) outlines.set(font, (cache = new Map()));
  const known = cache.get(glyph.id);
  if (known !== undefined) return known;
  const ops: string[] = [];
  let [x, y] = [0, 0];
  for (const { command, args } of glyph.path.commands) {
    if (command === 'moveTo' || command === 'lineTo') {
      [x, y] = [args[0] ?? 0, args[1] ?? 0];
      ops.push(`${n(x)} ${n(y)} ${command === 'moveTo' ? 'm' : 'l'}`);
    } else if (command === 'quadraticCurveTo') {
      const [cx = 0, cy = 0, ex = 0, ey = 0] = args;
      ops.push(`${n(x + (2 / 3) * (cx - x))} ${n(y + (2 / 3) * (cy - y))} ${n(ex + (2 / 3) * (cx - ex))} ${n(ey + (2 / 3) * (cy - ey))} ${n(ex)} ${n(ey)} c`);
      [x, y] = [ex, ey];
    } else if (command === 'bezierCurveTo') {
      const [c1x = 0, c1y = 0, c2x = 0, c2y = 0, ex = 0, ey = 0] = args;
      ops.push(`${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(ex)} ${n(ey)} c`);
      [x, y] = [ex, ey];
    } else {
      ops.push('h');
    }
  }
  const outline = ops.length > 0 ? deflateSync(`${ops.join(' ')} f`) : null;
  cache.set(glyph.id, outline);
  return outline;
}

/**
 * Glyph outlines as form XObjects (ISO 32000-1 §8.10), one per glyph per document: each use on a
 * page is then a few bytes (`/G3 Do`) instead of the whole outline. Returns the name to paint.
 */
export function glyphForms(doc: PDFKit.PDFDocument) {
  const forms = new Map<string, { name: string; ref: PDFKit.PDFKitReference } | null>();
  return (font: Font, glyph: Glyph): string | null => {
    const key = `${font.postscriptName}:${glyph.id}`;
    let form = forms.get(key);
    if (form === undefined) {
      const outline = outlineOf(font, glyph);
      if (outline) {
        const { minX, minY, maxX, maxY } = font.bbox;
        // Already deflated: pdfkit writes a stream with a Filter as it is.
        const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [minX, minY, maxX, maxY], Filter: 'FlateDecode' });
        ref.end(outline);
        form = { name: `G${forms.size + 1}`, ref };
      } else {
        form = null;
      }
      forms.set(key, form);
    }
    if (!form) return null;
    (doc.page.xobjects as Record<string, PDFKit.PDFKitReference>)[form.name] = form.ref;
    return form.name;
  };
}
