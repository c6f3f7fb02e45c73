import QRCode from 'qrcode';
import { bestMasked } from './qr-mask.ts';

/**
 * Error correction level M (15 % of the symbol recoverable): a printed page is flat and clean,
 * and M keeps the symbol about 20 % smaller than Q for the same payload.
 */
export const QR_ERROR_CORRECTION = 'M';

export interface QrSymbol {
  version: number;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Dark modules as horizontal runs: [row, first column, length]. */
  runs: [number, number, number][];
}

/**
 * The QR symbol (ISO/IEC 18004) of a payload. The payload is base45 with a prefix in the same
 * alphabet, so it is encoded in one alphanumeric segment (5.5 bits a character) rather than bytes.
 * qrcode builds the symbol; the mask is chosen by qr-mask.ts (the same choice, faster).
 */
export function qrSymbol(payload: string): QrSymbol {
  const code = QRCode.create([{ data: payload, mode: 'alphanumeric' }], { errorCorrectionLevel: QR_ERROR_CORRECTION, maskPattern: 0 });
  const { size } = code.modules;
  const { modules } = bestMasked(code.modules.data, code.modules.reservedBit, size, 0, QR_ERROR_CORRECTION);
  const runs: QrSymbol['runs'] = [];
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!modules[row * size + column]) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && modules[row * size + column]) column += 1;
      runs.push([row, start, column - start]);
    }
  }
  return { version: code.version, size, runs };
}

/** Draws the symbol as vector rectangles (sharp at any print resolution) in a square of `side` points, quiet zone included. */
export function drawQr(doc: PDFKit.PDFDocument, symbol: QrSymbol, x: number, y: number, side: number): void {
  // ISO/IEC 18004 §6.3.8: a quiet zone four modules wide on every side. Module coordinates are
  // whole numbers in a scaled space: the shortest content stream for a few thousand rectangles.
  const module = side / (symbol.size + 8);
  const rects = symbol.runs.map(([row, column, length]) => `${column} ${row} ${length} 1 re`);
  doc.fillColor('#000000');
  doc.addContent(`q ${module} 0 0 ${module} ${x + 4 * module} ${y + 4 * module} cm\n${rects.join('\n')}\nf Q`);
}
