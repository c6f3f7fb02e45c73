import { describe, expect, it } from 'vitest';
import { demoTariffCsv, demoTariffLine } from './demo-tariff.ts';
import { csvRows, readShipped, REFERENCE_DIR, SHIPPED_TARIFF, type ShippedFile } from './shipped-files.ts';
import { readTariffFile } from './tariff-file.ts';

const shipped = async (name: string): Promise<ShippedFile> => {
  const file = await readShipped(REFERENCE_DIR, name);
  if (!file) throw new Error(`${name} is not shipped`);
  return file;
};

describe("the demo country's national tariff", () => {
  it('is the file the documented rules write from the shipped nomenclature', async () => {
    expect((await shipped(SHIPPED_TARIFF)).text).toBe(demoTariffCsv(await shipped('hs-nomenclature.csv')));
  });

  it('extends every HS subheading but UN Comtrade’s “not specified” to one national line, and reads without a problem', async () => {
    const subheadings = csvRows(await shipped('hs-nomenclature.csv')).filter((row) => row.level === '6').map((row) => row.hscode ?? '');
    const reading = readTariffFile((await shipped(SHIPPED_TARIFF)).text, { subheadings: new Set(subheadings) });
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 3)));
    expect(subheadings).toHaveLength(5613);
    expect(reading.file.lines.map((l) => l.nationalLine)).toEqual(subheadings.filter((code) => code !== '999999').map((code) => `${code}0000`));
    expect(reading.file).toMatchObject({ label: 'Tarif des douanes de Kandara 2026', validFrom: '2026-01-01', feeRates: { statisticalFeePercent: '1', communityLevyPercent: '0.5' } });
  });

  it('places goods in the bands the documentation gives', () => {
    const band = (hs6: string) => demoTariffLine(hs6)?.band;
    expect({ medicines: band('300490'), books: band('490199'), newspapers: band('490210') }).toEqual({ medicines: 0, books: 0, newspapers: 0 });
    expect({ wheat: band('100199'), tractors: band('870130'), pumps: band('841370'), fertiliser: band('310210') }).toEqual({ wheat: 5, tractors: 5, pumps: 5, fertiliser: 5 });
    expect({ rice: band('100630'), cement: band('252329'), steelBars: band('721420') }).toEqual({ rice: 10, cement: 10, steelBars: 10 });
    expect({ cars: band('870321'), beer: band('220300'), fish: band('030389'), printedCards: band('490900') }).toEqual({ cars: 20, beer: 20, fish: 20, printedCards: 20 });
    expect({ beef: band('020130'), milkPowder: band('040210'), cheese: band('040690'), waxPrints: band('520852') }).toEqual({ beef: 35, milkPowder: 35, cheese: 35, waxPrints: 35 });
  });

  it('charges excise on tobacco, alcohol, sweetened drinks, perfume and jewellery only', () => {
    expect(demoTariffLine('240220')?.excise).toEqual({ kind: 'ad_valorem', percent: '45' });
    expect(demoTariffLine('220300')?.excise).toEqual({ kind: 'specific', amountPerUnit: '100', unit: 'LTR' });
    expect(demoTariffLine('220421')?.excise).toEqual({ kind: 'specific', amountPerUnit: '150', unit: 'LTR' });
    expect(demoTariffLine('220710')?.excise).toEqual({ kind: 'specific', amountPerUnit: '500', unit: 'LTR' });
    expect(demoTariffLine('220720')?.excise).toBeNull();
    expect(demoTariffLine('220860')?.excise).toEqual({ kind: 'specific', amountPerUnit: '500', unit: 'LTR' });
    expect(demoTariffLine('100630')?.excise).toBeNull();
  });

  it('exempts medicines and books from VAT and keeps fuels, precious metals and arms outside the community preference', () => {
    expect([demoTariffLine('300490')?.vatPercent, demoTariffLine('490199')?.vatPercent, demoTariffLine('100630')?.vatPercent]).toEqual(['0', '0', '18']);
    expect([demoTariffLine('271012')?.communityPreference, demoTariffLine('710813')?.communityPreference, demoTariffLine('930190')?.communityPreference]).toEqual([false, false, false]);
    expect(demoTariffLine('252329')?.communityPreference).toBe(true);
    expect(demoTariffLine('999999')).toBeUndefined();
  });
});
