import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

/** A weight of a face, as fontkit parsed it. */
export interface FontPair {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

/**
 * Noto Sans for Latin text and Noto Sans Arabic for Arabic, in two weights, parsed once per process
 * and shared by every document (parsing and the fonts' glyph caches are the larger part of a
 * render otherwise). Arabic is parsed twice: `arabicInk` draws the visible, fully shaped glyphs as
 * outlines; `arabicText` lays out the hidden text layer that text extraction reads (text-layer.ts
 * explains why the two are kept apart).
 */
export interface DocumentFonts {
  latin: FontPair;
  arabicInk: FontPair;
  arabicText: FontPair;
}

const require = createRequire(import.meta.url);

function fontFile(pkg: string, weight: string, file: string): Buffer {
  return fs.readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), weight, file));
}

function load(pkg: string, prefix: string): () => FontPair {
  const regular = fontFile(pkg, '400Regular', `${prefix}_400Regular.ttf`);
  const bold = fontFile(pkg, '700Bold', `${prefix}_700Bold.ttf`);
  return () => ({ regular: fontkit.create(regular), bold: fontkit.create(bold) });
}

let cached: DocumentFonts | undefined;

export function documentFonts(): DocumentFonts {
  if (!cached) {
    const arabic = load('@expo-google-fonts/noto-sans-arabic', 'NotoSansArabic');
    cached = { latin: load('@expo-google-fonts/noto-sans', 'NotoSans')(), arabicInk: arabic(), arabicText: arabic() };
  }
  return cached;
}
