import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { LOCALES, translate } from '../../../platform/i18n/i18n.ts';
import { KANDARA_XML_CONFIG } from './config.ts';
import { elementPathOf, readDeclarationXml } from './read-declaration.ts';
import { exportSample, importSample, importWithSecondItem, lineOf } from './test-samples.ts';

const ITEM = '/MetaData/Declaration/GoodsShipment/GovernmentAgencyGoodsItem';

interface Field {
  path: string;
  line: number;
  code: string;
  messageKey: string;
  params: Record<string, unknown>;
}

/** The refusal `read` ends with; every message it carries reads whole in fr, ar and en. */
async function refusal(read: Promise<unknown>): Promise<AppError> {
  const error = await read.then(
    () => expect.unreachable('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw error;
  for (const locale of LOCALES) {
    expect(translate(locale, `errors.${error.code}`, error.params)).not.toMatch(/errors\.|\{\{/);
    for (const field of fieldsOf(error)) expect(translate(locale, field.messageKey, field.params)).not.toMatch(/errors\.|\{\{/);
  }
  return error;
}

const fieldsOf = (error: AppError) => (error.details as { fields?: Field[] }).fields ?? [];
const problems = (error: AppError) => fieldsOf(error).map((f) => ({ code: f.code, path: f.path }));

describe('the annotated samples', () => {
  it('reads TT_IM001a as an import for home use, GB codes adapted', async () => {
    const { declaration, warnings, sources } = await readDeclarationXml(importSample());

    expect(declaration).toEqual({
      localReference: '7847767E1WB6',
      regime: 'import_home_use',
      officeCode: 'KDKAN01',
      declarant: { taxId: 'GB603202734852', name: 'GB603202734852', country: 'GB' },
      importer: { taxId: 'GB553202734852', name: 'GB553202734852', country: 'GB' },
      transport: { mode: 'sea', meansId: '12345', dispatchCountry: 'US', containers: ['AD12345'] },
      invoiceCurrency: 'GBP',
      items: [
        {
          hsCode: '8510.90.00.00',
          description: 'Parts for electric shavers, hair clippers and hair-removing appliances',
          origin: 'US',
          quantity: { amount: '100', unit: 'KGM' },
          grossMassKg: '150',
          netMassKg: '100',
          customsValue: '1000',
          preferenceClaimed: false,
          documents: [{ type: 'commercial_invoice', reference: '12345/19.01.2024' }],
        },
      ],
    });
    expect(warnings.map((w) => [w.code, w.path, w.params])).toEqual([
      ['document_ignored', '/MetaData/Declaration/AdditionalDocument', { code: '1DAN', reference: '1108654' }],
      ['party_name_from_id', '/MetaData/Declaration/Declarant', { party: 'Declarant', id: 'GB603202734852' }],
      ['party_country_from_id', '/MetaData/Declaration/Declarant', { party: 'Declarant', id: 'GB603202734852', country: 'GB' }],
      ['party_without_id', '/MetaData/Declaration/Exporter', { party: 'Exporter', name: 'US Clipper Inc.' }],
      ['office_adapted', '/MetaData/Declaration/GoodsShipment/Consignment/GoodsLocation/Name', { from: 'WLALONBTW', to: 'KDKAN01' }],
      ['document_ignored', `${ITEM}/AdditionalDocument[1]`, { code: 'C506', reference: 'GBDPO1108654' }],
      ['document_ignored', `${ITEM}/AdditionalDocument[3]`, { code: 'C505', reference: 'GBCGU55320273485220191113093459' }],
      ['tax_line_ignored', `${ITEM}/Commodity/DutyTaxFee[1]/TypeCode`, { code: 'A00' }],
      ['tax_line_ignored', `${ITEM}/Commodity/DutyTaxFee[2]/TypeCode`, { code: 'B00' }],
      ['party_name_from_id', '/MetaData/Declaration/GoodsShipment/Importer', { party: 'Importer', id: 'GB553202734852' }],
      ['party_country_from_id', '/MetaData/Declaration/GoodsShipment/Importer', { party: 'Importer', id: 'GB553202734852', country: 'GB' }],
    ]);
    expect(warnings[0]?.line).toBe(lineOf(importSample(), '<AdditionalDocument>'));
    for (const warning of warnings) {
      for (const locale of LOCALES) expect(translate(locale, `customs.wco.warnings.${warning.code}`, warning.params)).not.toMatch(/customs\.wco|\{\{/);
    }
    expect(sources['items[0].hsCode']).toBe(`${ITEM}/Commodity/Classification[1]/ID`);
    expect(sources['items[0].documents[0].reference']).toBe(`${ITEM}/AdditionalDocument[2]/ID`);
    expect(sources.invoiceCurrency).toBe(`${ITEM}/Commodity/InvoiceLine/ItemChargeAmount`);
  });

  it('reads TT_EX001a as an export, its value and origin taken where an export states them', async () => {
    const { declaration, warnings } = await readDeclarationXml(exportSample());

    expect(declaration).toEqual({
      localReference: 'U.7847323YIPYA',
      regime: 'export',
      officeCode: 'KDKAN01',
      declarant: { taxId: 'GB427168118378', name: 'GB427168118378', country: 'GB' },
      exporter: { taxId: 'GB427168118378', name: 'GB427168118378', country: 'GB' },
      transport: { mode: 'sea', meansId: 'CSCLGLOBE', dispatchCountry: 'GB', containers: ['CONU1234567'] },
      invoiceCurrency: 'GBP',
      items: [
        {
          hsCode: '4602.19.00.00',
          description: 'Straw envelopes for bottles, made of certified straw in wraps of 1000',
          origin: 'GB',
          quantity: { amount: '5', unit: 'KGM' },
          grossMassKg: '10',
          netMassKg: '5',
          customsValue: '200',
          preferenceClaimed: false,
          documents: [],
        },
      ],
    });
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['party_name_from_id', '/MetaData/Declaration/Declarant'],
      ['party_country_from_id', '/MetaData/Declaration/Declarant'],
      ['party_name_from_id', '/MetaData/Declaration/Exporter'],
      ['party_country_from_id', '/MetaData/Declaration/Exporter'],
      ['office_adapted', '/MetaData/Declaration/GoodsShipment/Consignment/GoodsLocation/Name'],
      ['origin_from_export_country', `${ITEM}/Origin`],
      ['value_from_statistical_value', `${ITEM}/StatisticalValueAmount`],
      ['classification_adapted', `${ITEM}/Commodity/Classification/ID`],
    ]);
  });

  it('reads national codes as given: office, licence, community preference, tariff quantity', async () => {
    const xml = importSample()
      .replace('<GoodsItemQuantity>1</GoodsItemQuantity>', '<GoodsItemQuantity>1</GoodsItemQuantity>\n\t\t<DeclarationOfficeID>KDMRB01</DeclarationOfficeID>')
      .replace('<DutyRegimeCode>100</DutyRegimeCode>', '<DutyRegimeCode>300</DutyRegimeCode>')
      .replace('<TypeCode>505</TypeCode>', '<TypeCode>505</TypeCode>\n\t\t\t\t</AdditionalDocument>\n\t\t\t\t<AdditionalDocument><CategoryCode>L</CategoryCode><ID>LIC-2026-0042</ID><TypeCode>100</TypeCode>')
      .replace('<NetNetWeightMeasure>100</NetNetWeightMeasure>', '<NetNetWeightMeasure>100</NetNetWeightMeasure>\n\t\t\t\t\t\t<TariffQuantity unitCode="NAR">2500</TariffQuantity>');
    const { declaration, warnings } = await readDeclarationXml(xml);

    expect(declaration.officeCode).toBe('KDMRB01');
    expect(declaration.items[0]).toMatchObject({
      preferenceClaimed: true,
      quantity: { amount: '2500', unit: 'NAR' },
      documents: [
        { type: 'commercial_invoice', reference: '12345/19.01.2024' },
        { type: 'import_licence', reference: 'LIC-2026-0042' },
      ],
    });
    expect(warnings.map((w) => w.code)).not.toContain('office_adapted');
  });

  it('takes the bill of lading from a previous document of type 705, ignoring other previous documents', async () => {
    const xml = importSample().replace('<ID>24GB34F7Y1O2CX8PT4</ID>\n\t\t\t\t<TypeCode>355</TypeCode>', '<ID>MEDUKD2026118</ID>\n\t\t\t\t<TypeCode>705</TypeCode>');
    expect(xml).toContain('MEDUKD2026118');
    const { declaration } = await readDeclarationXml(xml);
    expect(declaration.transport.transportDocument).toBe('MEDUKD2026118');
    expect((await readDeclarationXml(importSample())).declaration.transport.transportDocument).toBeUndefined();
  });

  it('reports each thing it leaves out rather than dropping it silently', async () => {
    const xml = importSample()
      .replace('<Declarant>', '<CurrencyExchange><CurrencyTypeCode>GBP</CurrencyTypeCode><RateNumeric>812.5</RateNumeric></CurrencyExchange>\n\t\t<Declarant>')
      .replace('<DutyRegimeCode>100</DutyRegimeCode>', '<DutyRegimeCode>200</DutyRegimeCode>')
      .replace('<CurrentCode>000</CurrentCode>', '<CurrentCode>C07</CurrentCode>')
      .replace('<IdentificationTypeCode>TRC</IdentificationTypeCode>', '<IdentificationTypeCode>TRA</IdentificationTypeCode>');
    const { declaration, warnings } = await readDeclarationXml(xml);

    expect(declaration.items[0]).toMatchObject({ hsCode: '8510.90.00.00', preferenceClaimed: false });
    expect(warnings.filter((w) => !/^(party_|document_ignored|office_adapted|tax_line_ignored)/.test(w.code)).map((w) => [w.code, w.params])).toEqual([
      ['exchange_rate_ignored', { rate: '812.5', currency: 'GBP' }],
      ['classification_completed', { code: '85109000', line: '8510.90.00.00' }],
      ['classification_part_ignored', { type: 'TRA', code: '00' }],
      ['preference_not_honoured', { code: '200' }],
      ['additional_procedure_ignored', { code: 'C07' }],
    ]);
  });
});

describe('refusals', () => {
  it('refuses XML that is not well-formed, with the line and column', async () => {
    const xml = importSample().replace('<Description>Parts', '<Description>Parts <b>');
    const error = await refusal(readDeclarationXml(xml));

    expect(error.status).toBe(400);
    expect(error.code).toBe('wco_xml_malformed');
    expect(error.details).toMatchObject({ line: lineOf(xml, '</Description>'), column: expect.any(Number) });
  });

  it('refuses a DOCTYPE, so no entity is ever expanded', async () => {
    const xml = importSample().replace('<md:MetaData', '<!DOCTYPE md:MetaData [<!ENTITY lol "lol">]>\n<md:MetaData');
    const error = await refusal(readDeclarationXml(xml));

    expect(error.code).toBe('wco_xml_malformed');
    expect(error.params.reason).toMatch(/DOCTYPE/);
  });

  it('points a schema violation deep in the second item at its element path and line', async () => {
    const xml = importWithSecondItem((item) => item.replace('<ID>85109000</ID>', '<ID>8510900085109000851</ID>'));
    const error = await refusal(readDeclarationXml(xml));

    expect(error.status).toBe(400);
    expect(error.code).toBe('wco_xml_invalid');
    const [violation, ...others] = fieldsOf(error);
    expect(others).toEqual([]);
    expect(violation).toMatchObject({
      path: `${ITEM}[2]/Commodity/Classification[1]/ID`,
      line: lineOf(xml, '8510900085109000851'),
      code: 'wco_xml_violation',
    });
    expect(violation?.params.detail).toBe("Element 'ID': [facet 'maxLength'] The value has a length of '19'; this exceeds the allowed maximum length of '18'.");
  });

  it('tells violations apart when the whole document is on one line', async () => {
    const xml = importWithSecondItem((item) => item.replace('<GrossMassMeasure>150</GrossMassMeasure>', '<GrossMassMeasure>heavy</GrossMassMeasure>'))
      .replace('<GrossMassMeasure>150</GrossMassMeasure>', '<GrossMassMeasure>-</GrossMassMeasure>')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/>\s+</g, '><');
    expect(xml.split('\n')).toHaveLength(1);
    const error = await refusal(readDeclarationXml(xml));

    expect(fieldsOf(error).map((f) => [f.path, f.line])).toEqual([
      [`${ITEM}[1]/Commodity/GoodsMeasure/GrossMassMeasure`, 1],
      [`${ITEM}[2]/Commodity/GoodsMeasure/GrossMassMeasure`, 1],
    ]);
  });

  it('refuses what the national declaration cannot hold, pointing at each place', async () => {
    const xml = importWithSecondItem((item) =>
      item
        .replace('<CurrentCode>40</CurrentCode>', '<CurrentCode>71</CurrentCode>')
        .replace(/<Classification>[\s\S]*?<\/Classification>/g, '')
        .replace('<NetNetWeightMeasure>100</NetNetWeightMeasure>', '<NetNetWeightMeasure unitCode="TNE">0.1</NetNetWeightMeasure>'),
    )
      .replace(/<Importer>[\s\S]*?<\/Importer>/, '')
      .replaceAll(' currencyID="GBP"', '');
    const error = await refusal(readDeclarationXml(xml));

    expect(error.status).toBe(422);
    expect(error.code).toBe('wco_xml_unmappable');
    expect(problems(error)).toEqual([
      { code: 'wco_currency_missing', path: '/MetaData/Declaration/InvoiceAmount' },
      { code: 'wco_missing', path: '/MetaData/Declaration/GoodsShipment/Importer' },
      { code: 'wco_classification_missing', path: `${ITEM}[2]/Commodity/Classification` },
      { code: 'wco_unit_unsupported', path: `${ITEM}[2]/Commodity/GoodsMeasure/NetNetWeightMeasure` },
      { code: 'wco_procedure_unknown', path: `${ITEM}[2]/GovernmentProcedure[1]/CurrentCode` },
    ]);
    expect(fieldsOf(error).at(-1)?.line).toBe(lineOf(xml, '<CurrentCode>71</CurrentCode>'));
  });

  it('refuses codes and figures it cannot use', async () => {
    const xml = importSample()
      .replace('<FunctionCode>9</FunctionCode>', '<FunctionCode>13</FunctionCode>')
      .replace('<GoodsItemQuantity>1</GoodsItemQuantity>', '<GoodsItemQuantity>3</GoodsItemQuantity>')
      .replace('<ModeCode>1</ModeCode>', '<ModeCode>9</ModeCode>')
      .replace('<GrossMassMeasure>150</GrossMassMeasure>', '<GrossMassMeasure>-150</GrossMassMeasure>');
    const error = await refusal(readDeclarationXml(xml));

    expect(fieldsOf(error).map((f) => [f.code, f.path, f.params])).toEqual([
      ['wco_function_unsupported', '/MetaData/Declaration/FunctionCode', { path: '/MetaData/Declaration/FunctionCode', code: '13' }],
      ['wco_item_count_mismatch', '/MetaData/Declaration/GoodsItemQuantity', { path: '/MetaData/Declaration/GoodsItemQuantity', declared: '3', found: 1 }],
      ['wco_transport_mode_unknown', '/MetaData/Declaration/BorderTransportMeans/ModeCode', { path: '/MetaData/Declaration/BorderTransportMeans/ModeCode', code: '9' }],
      ['wco_amount_invalid', `${ITEM}/Commodity/GoodsMeasure/GrossMassMeasure`, { path: `${ITEM}/Commodity/GoodsMeasure/GrossMassMeasure`, value: '-150' }],
    ]);
  });

  it('refuses a procedure declared on the wrong type of declaration, and items under different procedures', async () => {
    const xml = importWithSecondItem((item) => item.replace('<CurrentCode>40</CurrentCode>', '<CurrentCode>10</CurrentCode>')).replace('<TypeCode>IMA</TypeCode>', '<TypeCode>EXA</TypeCode>');
    const error = await refusal(readDeclarationXml(xml));

    expect(problems(error)).toEqual([
      { code: 'wco_procedure_type_mismatch', path: '/MetaData/Declaration/TypeCode' },
      { code: 'wco_procedure_mixed', path: `${ITEM}[2]/GovernmentProcedure[1]/CurrentCode` },
    ]);
  });

  it('refuses an item amount in another currency than the invoice', async () => {
    const xml = importWithSecondItem((item) => item.replace('currencyID="GBP"', 'currencyID="EUR"'));
    const error = await refusal(readDeclarationXml(xml));

    expect(fieldsOf(error)).toMatchObject([
      { code: 'wco_currency_mismatch', path: `${ITEM}[2]/Commodity/InvoiceLine/ItemChargeAmount`, params: { currency: 'EUR', invoiceCurrency: 'GBP' } },
    ]);
  });
});

it('gives every document of a batch validated together its own verdict', async () => {
  const invalid = importSample().replace('<GrossMassMeasure>150</GrossMassMeasure>', '<GrossMassMeasure>many</GrossMassMeasure>');
  const results = await Promise.allSettled([importSample(), invalid, exportSample(), invalid, importSample()].map((xml) => readDeclarationXml(xml)));

  expect(results.map((r) => (r.status === 'fulfilled' ? r.value.declaration.localReference : (r.reason as AppError).code))).toEqual([
    '7847767E1WB6',
    'wco_xml_invalid',
    'U.7847323YIPYA',
    'wco_xml_invalid',
    '7847767E1WB6',
  ]);
});

it('finds the element behind a field, or behind the nearest field holding it', async () => {
  const { sources } = await readDeclarationXml(importSample(), KANDARA_XML_CONFIG);

  expect(elementPathOf(sources, 'items[0].documents[0].reference')).toBe(`${ITEM}/AdditionalDocument[2]/ID`);
  expect(elementPathOf(sources, 'items[0].documents')).toBe(ITEM);
  expect(elementPathOf(sources, 'importer.country')).toBe('/MetaData/Declaration/GoodsShipment/Importer/ID');
  expect(elementPathOf(sources, 'exporter')).toBeUndefined();
});
