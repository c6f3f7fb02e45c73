import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

/** A face in two weights, as fontkit parsed them. */
export interface FontPair {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

/**
 * Noto Sans for Latin text and Noto Sans Arabic for Arabic, in two weights, parsed once per process
 * and shared by every document (parsing and the fonts' glyph caches are the larger part of a
 * render otherwise). Arabic is parsed twice: `arabicInk` draws the visible, fully shaped glyphs as
 * outlines; `arabicText` sets the hidden text layer that text extraction reads (typesetting.ts
 * explains why; a separate instance, because fontkit remembers per glyph which characters it
 * stood for, and shaping would teach it wrong answers).
 */
export interface DocumentFonts {
  latin: FontPair;
  arabicInk: FontPair;
  /** Regular only: the text layer is invisible. */
  arabicText: fontkit.Font;
}

const require = createRequire(import.meta.url);

function fontFile(pkg: string, weight: string, file: string): Buffer {
  return fs.readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), weight, file));
}

const regular = (pkg: string, prefix: string) => fontkit.create(fontFile(pkg, '400Regular', `${prefix}_400Regular.ttf`));
const bold = (pkg: string, prefix: string) => fontkit.create(fontFile(pkg, '700Bold', `${prefix}_700Bold.ttf`));
const pair = (pkg: string, prefix: string): FontPair => ({ regular: regular(pkg, prefix), bold: bold(pkg, prefix) });

let cached: DocumentFonts | undefined;

export function documentFonts(): DocumentFonts {
  cached ??= {
    latin: pair('@expo-google-fonts/noto-sans', 'NotoSans'),
    arabicInk: pair('@expo-google-fonts/noto-sans-arabic', 'NotoSansArabic'),
    arabicText: regular('@expo-google-fonts/noto-sans-arabic', 'NotoSansArabic'),
  };
  return cached;
}
