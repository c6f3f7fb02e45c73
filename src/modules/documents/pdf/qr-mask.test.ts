import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { bestMasked } from './qr-mask.ts';

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

describe('QR mask selection (ISO/IEC 18004 §7.8)', () => {
  it('picks the mask and draws the modules qrcode itself would', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...BASE45), minLength: 1, maxLength: 700 }), (text) => {
        const payload = `GK1:${text}`;
        const reference = QRCode.create([{ data: payload, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
        const masked0 = QRCode.create([{ data: payload, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M', maskPattern: 0 });
        const chosen = bestMasked(masked0.modules.data, masked0.modules.reservedBit, masked0.modules.size, 0, 'M');
        expect(chosen.mask).toBe(reference.maskPattern);
        expect(Buffer.from(chosen.modules).equals(Buffer.from(reference.modules.data))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
