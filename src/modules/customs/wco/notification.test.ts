import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { assess } from '../assessment/assess.ts';
import { RICE, WINE, context, feeRates, item, tariff } from '../assessment/test-tariff.ts';
import { childElements, textOf } from './element-path.ts';
import { type DeclarationNotification, NOTIFICATION_KINDS, notificationDuties, notificationXml } from './notification.ts';
import { wcoPointersOf } from './pointers.ts';
import { validateAgainstSchema } from './schema-validation.ts';
import { qualifiedNotification, wcoFixture } from './test-samples.ts';

const declared = { declarationReference: '26KDKAN01000123', localReference: 'LRN-2026-0042', officeCode: 'KDKAN01', issuedAt: '2026-11-23T09:15:30.250Z', version: 1 };

const notification = (overrides: Partial<DeclarationNotification>): DeclarationNotification => ({ ...declared, kind: 'accepted', ...overrides });

/** The values of the elements at `path` (local names from Response down). */
function valuesAt(xml: string, path: string): string[] {
  let at: Element[] = [new DOMParser().parseFromString(xml, 'text/xml').documentElement!];
  for (const name of path.split('/')) at = at.flatMap((element) => childElements(element, name));
  return at.map(textOf);
}

const assessed = assess({ items: [item({ nationalLine: RICE, customsValue: '11250.00', invoiceCurrency: 'USD', origin: 'TH' }), item({ nationalLine: WINE, customsValue: '4950.75', invoiceCurrency: 'EUR', origin: 'FR', quantity: { amount: '1237.5', unit: 'l' } })] }, tariff, feeRates, context);

const EVERY_KIND: DeclarationNotification[] = [
  notification({ kind: 'accepted' }),
  notification({ kind: 'tax_assessed', duties: notificationDuties(assessed), total: assessed.total }),
  notification({ kind: 'cleared' }),
  notification({
    kind: 'rejected',
    errors: [
      { code: 'licence_not_held', pointer: '/MetaData/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/AdditionalDocument[1]/ID', message: 'Licence L100/2026/0042 is held by another importer & cannot be cited <here>.' },
      { code: 'KD0417', pointer: 'items[0].hsCode', message: 'Unknown tariff line.' },
    ],
  }),
];

describe('RES notifications', () => {
  it('writes every kind of notification valid against the WCO RES schema', async () => {
    const xmls = EVERY_KIND.map((n) => notificationXml(n));
    const verdicts = await Promise.all(xmls.map((xml) => validateAgainstSchema('notification', xml)));

    expect(verdicts).toEqual(NOTIFICATION_KINDS.map(() => ({ kind: 'valid' })));
    expect(xmls.map((xml) => valuesAt(xml, 'Response/FunctionCode')[0])).toEqual(['01', '13', '09', '03']);
    for (const xml of xmls) {
      expect(valuesAt(xml, 'Response/Declaration/FunctionalReferenceID')).toEqual(['LRN-2026-0042']);
      expect(valuesAt(xml, 'Response/Declaration/ID')).toEqual(['26KDKAN01000123']);
      expect(valuesAt(xml, 'Response/IssueDateTime/DateTimeString')).toEqual(['20261123091530Z']);
      expect(valuesAt(xml, 'Response/ContactOffice/ID')).toEqual(['KDKAN01']);
    }
  });

  it('lists the duties and taxes of each item and the total due', () => {
    const xml = notificationXml(EVERY_KIND[1]!);

    expect(valuesAt(xml, 'Response/Declaration/DutyTaxFee/Payment/TaxAssessedAmount')).toEqual([String(assessed.total)]);
    expect(valuesAt(xml, 'Response/Declaration/GoodsShipment/GovernmentAgencyGoodsItem/SequenceNumeric')).toEqual(['1', '2']);
    const [rice] = assessed.items;
    const riceFees = 'Response/Declaration/GoodsShipment/GovernmentAgencyGoodsItem/Commodity/DutyTaxFee';
    expect(valuesAt(xml, `${riceFees}/TypeCode`)).toEqual(['DD', 'RS', 'PC', 'TVA', 'DD', 'RS', 'PC', 'DA', 'TVA']);
    expect(valuesAt(xml, `${riceFees}/Payment/TaxAssessedAmount`).slice(0, 4)).toEqual(rice!.lines.map((line) => String(line.amount)));
    expect(valuesAt(xml, `${riceFees}/TaxRateNumeric`).slice(0, 4)).toEqual(['10', '1', '0.5', '18']);
  });

  it('points each rejection at the WCO classes and data element of the declaration', () => {
    const xml = notificationXml(EVERY_KIND[3]!);

    expect(valuesAt(xml, 'Response/Error/Description')).toEqual([
      'licence_not_held: Licence L100/2026/0042 is held by another importer & cannot be cited <here>. (/MetaData/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/AdditionalDocument[1]/ID)',
      'KD0417: Unknown tariff line. (items[0].hsCode)',
    ]);
    expect(valuesAt(xml, 'Response/Error/ValidationCode')).toEqual(['KD0417']);
    expect(valuesAt(xml, 'Response/Error/Pointer/DocumentSectionCode')).toEqual(['42A', '67A', '68A', '02A']);
    expect(valuesAt(xml, 'Response/Error/Pointer/SequenceNumeric')).toEqual(['1', '1', '2', '1']);
    expect(valuesAt(xml, 'Response/Error/Pointer/TagID')).toEqual(['D005']);
  });

  it('names classes and data elements by their WCO IDs', () => {
    expect(wcoPointersOf('/MetaData/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[3]/Commodity/Classification[1]/ID')).toEqual([
      { sequence: 1, section: '42A' },
      { sequence: 1, section: '67A' },
      { sequence: 3, section: '68A' },
      { sequence: 1, section: '23A' },
      { sequence: 1, section: '21A', tag: '145' },
    ]);
    expect(wcoPointersOf('/MetaData/Declaration/FunctionalReferenceID')).toEqual([{ sequence: 1, section: '42A', tag: 'D026' }]);
    expect(wcoPointersOf('/MetaData')).toBeUndefined();
  });

  it('refuses to write an amount the schema cannot carry', () => {
    expect(() => notificationXml(notification({ kind: 'tax_assessed', total: -1 }))).toThrow(RangeError);
    expect(() => notificationXml(notification({ issuedAt: 'yesterday' }))).toThrow(RangeError);
  });
});

describe("HMRC's sample notifications", () => {
  const samples = ['01_DMSACC.xml', '02_DMSTAX.xml', '04_DMSCLE.xml'].map((name) => wcoFixture(`TT_IM001a/Example_Notifications/${name}`));

  it('validate against the RES schema once their namespaces are declared', async () => {
    const verdicts = await Promise.all(samples.map((sample) => validateAgainstSchema('notification', qualifiedNotification(sample))));

    expect(verdicts).toEqual([{ kind: 'valid' }, { kind: 'valid' }, { kind: 'valid' }]);
  });

  it('are refused as printed, without namespaces', async () => {
    const verdict = await validateAgainstSchema('notification', samples[0]!);

    expect(verdict).toEqual({ kind: 'invalid', violations: [{ line: 1, message: expect.stringContaining('No matching global declaration available for the validation root') }] });
  });
});
