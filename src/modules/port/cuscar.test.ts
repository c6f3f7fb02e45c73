import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdifactError } from '../../platform/edifact/index.ts';
import { readCuscar } from './cuscar-read.ts';
import { writeCuscar } from './cuscar-write.ts';
import { canonicalManifest, type CargoManifest } from './manifest.ts';

const envelope = { sender: 'PORT-AUTONOME', recipient: 'DOUANE-KD', controlReference: 'IC1', preparedAt: '2026-11-24T05:30' };

const HAND_WRITTEN = [
  "UNA:+.? '",
  "UNB+UNOC:3+PORT-AUTONOME+DOUANE-KD+261124:0530+IC1'",
  "UNH+1+CUSCAR:D:95B:UN'",
  "BGM+85+MAN-2026-0042+9'",
  "DTM+132:20261124:102'",
  "TDT+20+V042E+1++MSC:172:20:Mediterranean Shipping+++IMO9321483:146::MSC AURORA'",
  "LOC+11+KDKAN'",
  "CNI+1+MSCU-BL-0001'",
  "NAD+CN+KD-2019-004512::ZZZ++Kandara Riz Import SARL'",
  "GID+1+600:BG'",
  "GID+2+200:BG'",
  "FTX+AAA+++Thai white rice?, 25?% broken'",
  "MEA+WT+G+KGM:15100'",
  "MEA+WT+G+TNE:5.05'",
  "EQD+CN+CSQU3054383'",
  "UNT+14+1'",
  "UNZ+1+IC1'",
].join('\n');

describe('CUSCAR subset', () => {
  it('reads a hand-written manifest: packages and masses of one consignment add up', () => {
    expect(readCuscar(HAND_WRITTEN)).toEqual({
      reference: 'MAN-2026-0042',
      transportMode: 'sea',
      meansId: 'IMO9321483',
      voyage: 'V042E',
      portOfArrival: 'KDKAN',
      arrivalDate: '2026-11-24',
      lines: [{ billOfLading: 'MSCU-BL-0001', consignee: { name: 'Kandara Riz Import SARL', taxId: 'KD-2019-004512' }, containers: ['CSQU3054383'], packages: { count: 800, kind: 'BG' }, grossMassKg: '20150', description: 'Thai white rice, 25% broken' }],
    });
  });

  it.each([
    [HAND_WRITTEN.replace("GID+2+200:BG'", "GID+2+200:CT'"), 'cuscar_mixed_packages', 10, 'GID'],
    [HAND_WRITTEN.replace("TDT+20+V042E+1+", "TDT+20+V042E+3+"), 'cuscar_bad_value', 5, 'TDT'],
    [HAND_WRITTEN.replace("CNI+1+MSCU-BL-0001'\n", '').replace('UNT+14', 'UNT+13'), 'cuscar_outside_consignment', 7, 'NAD'],
    [HAND_WRITTEN.replace("LOC+11+KDKAN'\n", '').replace('UNT+14', 'UNT+13'), 'cuscar_missing_header', 3, 'BGM'],
  ])('refuses a message breaking the subset (case %#)', (text, code, segment, tag) => {
    let refusal: unknown;
    try {
      readCuscar(text);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EdifactError);
    expect(refusal).toMatchObject({ code, segment, tag });
  });

  it('reads back the manifest it writes', () => {
    const text = fc.string({ unit: fc.constantFrom(..."aZ09 ,.'+:?%-"), minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0);
    const line = fc.record({
      billOfLading: fc.stringMatching(/^[A-Z0-9][A-Z0-9./-]{2,20}$/),
      consignee: fc.record({ name: text, taxId: fc.stringMatching(/^KD-[0-9]{4}-[0-9]{6}$/) }),
      containers: fc.uniqueArray(fc.stringMatching(/^[A-Z]{4}[0-9]{7}$/), { maxLength: 3 }),
      packages: fc.record({ count: fc.integer({ min: 1, max: 99999 }), kind: fc.constantFrom('BG', 'CT', 'PK') }),
      grossMassKg: fc.integer({ min: 1, max: 99_999_999 }).map((g) => String(g / 10)),
      description: text,
    });
    const manifest = fc.record({
      reference: fc.stringMatching(/^[A-Z0-9][A-Z0-9./-]{2,20}$/),
      transportMode: fc.constantFrom('sea' as const, 'air' as const),
      meansId: fc.stringMatching(/^[A-Z0-9]{2,10}$/),
      voyage: fc.stringMatching(/^[A-Z0-9]{1,10}$/),
      portOfArrival: fc.constantFrom('KDKAN', 'KDAIR'),
      arrivalDate: fc.constantFrom('2026-11-24', '2027-01-02'),
      lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(manifest, (m: CargoManifest) => {
        expect(readCuscar(writeCuscar(m, envelope))).toEqual(canonicalManifest(m));
      }),
    );
  });
});
