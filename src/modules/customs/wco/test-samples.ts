import { readFileSync } from 'node:fs';

/** HMRC's annotated samples, copied into test/fixtures/wco (Apache-2.0, see its README). */
export const wcoFixture = (path: string) => readFileSync(new URL(`../../../../test/fixtures/wco/${path}`, import.meta.url), 'utf8');

/** TT_IM001a: an import for home use (procedure 40) of shaver parts from the US, one goods item. */
export const importSample = () => wcoFixture('TT_IM001a/Step1_TT_IM001a.xml');

/** TT_EX001a: a pre-lodged export (procedure 10) of straw envelopes, one goods item. */
export const exportSample = () => wcoFixture('TT_EX001a/TT_EX001a.xml');

const ITEM_START = '<GovernmentAgencyGoodsItem>';
const ITEM_END = '</GovernmentAgencyGoodsItem>';

/** The import sample with its goods item followed by a second one, made from the first by `edit`. */
export function importWithSecondItem(edit: (item: string) => string = (item) => item): string {
  const sample = importSample().replace('<GoodsItemQuantity>1</GoodsItemQuantity>', '<GoodsItemQuantity>2</GoodsItemQuantity>');
  const end = sample.indexOf(ITEM_END) + ITEM_END.length;
  const first = sample.slice(sample.indexOf(ITEM_START), end);
  const second = edit(first.replace('<SequenceNumeric>1</SequenceNumeric>', '<SequenceNumeric>2</SequenceNumeric>'));
  return `${sample.slice(0, end)}\n\t\t\t${second}${sample.slice(end)}`;
}

/** 1-based line of the first occurrence of `marker` in `xml`. */
export const lineOf = (xml: string, marker: string) => xml.slice(0, xml.indexOf(marker)).split('\n').length;

/**
 * HMRC's annotated notifications are printed without namespaces; the DMS sends them qualified:
 * MetaData in the DocumentMetaData namespace, Response in RES, DateTimeString in Response_DS.
 */
export const qualifiedNotification = (sample: string) =>
  sample
    .replace('<MetaData>', '<MetaData xmlns="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2">')
    .replace('<Response>', '<Response xmlns="urn:wco:datamodel:WCO:RES-DMS:2" xmlns:ds="urn:wco:datamodel:WCO:Response_DS:DMS:2">')
    .replaceAll('DateTimeString', 'ds:DateTimeString');
