import type { Element } from '@xmldom/xmldom';
import { nationalLineOf } from '../declarations/hs-code.ts';
import type { DeclarationItemInput, Regime } from '../declarations/types.ts';
import type { NationalXmlConfig } from './config.ts';
import { type DeclarationReading, descendant } from './declaration-reading.ts';
import { childElement, childElements, textOf } from './element-path.ts';
import { type CitedDocumentElement, citedDocuments } from './map-documents.ts';

/** What an item's reading needs from the rest of the declaration. */
export interface ItemContext {
  regime: Regime | undefined;
  invoiceCurrency: string | undefined;
  /** Documents cited at declaration level apply to every item. */
  declarationDocuments: readonly CitedDocumentElement[];
  /** GoodsShipment/ExportCountry/ID, the origin of exported goods that declare none. */
  exportCountry: Element | undefined;
}

/**
 * Where an item's value is read, first found wins: the customs value, the item price (DE 4/14),
 * and for exports, which have no customs value, the statistical value (DE 8/6).
 */
export const ITEM_VALUE_PATHS = ['CustomsValueAmount', 'Commodity/InvoiceLine/ItemChargeAmount', 'StatisticalValueAmount'];

const KILOGRAM = 'KGM';

/** One GovernmentAgencyGoodsItem as an item of the national declaration (`field` is `items[n]`). */
export function mapItem(item: Element, field: string, context: ItemContext, config: NationalXmlConfig, reading: DeclarationReading): DeclarationItemInput {
  reading.source(field, item);
  const preferenceClaimed = preferenceOf(item, field, config, reading);
  reportTaxLines(item, reading);
  const netMassKg = kilograms(item, 'NetNetWeightMeasure', `${field}.netMassKg`, reading);
  return {
    hsCode: tariffLineOf(item, field, config, reading),
    description: reading.required(item, 'Commodity/Description', `${field}.description`),
    origin: originOf(item, field, preferenceClaimed, context, reading),
    quantity: quantityOf(item, field, netMassKg, reading),
    grossMassKg: kilograms(item, 'GrossMassMeasure', `${field}.grossMassKg`, reading),
    netMassKg,
    customsValue: valueOf(item, field, context, reading),
    preferenceClaimed,
    documents: [...citedDocuments(item, config, reading), ...context.declarationDocuments].map((document, index) => {
      reading.source(`${field}.documents[${index}]`, document.element);
      const id = childElement(document.element, 'ID');
      if (id) reading.source(`${field}.documents[${index}].reference`, id);
      return { type: document.type, reference: document.reference };
    }),
  };
}

/** The ten-digit national line: the commodity code (CN `TSP`, HS) followed by its extension (TARIC `TRC`). */
function tariffLineOf(item: Element, field: string, config: NationalXmlConfig, reading: DeclarationReading): string {
  let head: Element | undefined;
  let extension: Element | undefined;
  for (const classification of commodityParts(item, 'Classification')) {
    const type = reading.text(classification, 'IdentificationTypeCode') ?? '';
    const id = childElement(classification, 'ID');
    if (!id) continue;
    if (config.commodityCodeTypes.includes(type) && !head) head = id;
    else if (config.extensionCodeTypes.includes(type) && !extension) extension = id;
    else reading.warn(classification, 'classification_part_ignored', { type, code: textOf(id) });
  }
  if (!head) {
    reading.problem({ parent: item, missing: 'Commodity/Classification' }, 'wco_classification_missing', { types: config.commodityCodeTypes.join(', ') });
    return '';
  }
  reading.source(`${field}.hsCode`, head);
  const digits = textOf(head) + (extension ? textOf(extension) : '');
  if (!/^[0-9]{6,10}$/.test(digits)) {
    reading.problem(head, 'wco_classification_invalid', { code: digits });
    return '';
  }
  const adapted = config.classificationAdaptations[digits];
  if (adapted) {
    const line = nationalLineOf(adapted);
    reading.warn(head, 'classification_adapted', { code: digits, line });
    return line;
  }
  const line = nationalLineOf(digits.padEnd(10, '0'));
  // A national line without subdivision ends in zeros; the tariff says whether that line exists.
  if (digits.length < 10) reading.warn(head, 'classification_completed', { code: digits, line });
  return line;
}

/** Preferential origin (Origin TypeCode 2) when the preference is claimed, else the first origin declared. */
function originOf(item: Element, field: string, preferenceClaimed: boolean, context: ItemContext, reading: DeclarationReading): string {
  const origins = childElements(item, 'Origin').filter((origin) => childElement(origin, 'CountryCode'));
  const chosen = (preferenceClaimed && origins.find((origin) => reading.text(origin, 'TypeCode') === '2')) || origins[0];
  if (chosen) return reading.required(chosen, 'CountryCode', `${field}.origin`);
  const exportCountry = context.exportCountry && textOf(context.exportCountry);
  if (context.regime === 'export' && context.exportCountry && exportCountry) {
    // Exports need no origin (DE 5/15 is for imports): goods leave from the country of export.
    reading.warn({ parent: item, missing: 'Origin' }, 'origin_from_export_country', { country: exportCountry });
    reading.source(`${field}.origin`, context.exportCountry);
    return exportCountry;
  }
  reading.problem({ parent: item, missing: 'Origin/CountryCode' }, 'wco_missing');
  return '';
}

/** The tariff quantity in its unit; without one, the net mass in kilograms (the tariff's default unit). */
function quantityOf(item: Element, field: string, netMassKg: string, reading: DeclarationReading): DeclarationItemInput['quantity'] {
  const tariffQuantity = descendant(item, 'Commodity/GoodsMeasure/TariffQuantity');
  if (!tariffQuantity) {
    const net = descendant(item, 'Commodity/GoodsMeasure/NetNetWeightMeasure');
    if (net) reading.source(`${field}.quantity`, net);
    return { amount: netMassKg, unit: KILOGRAM };
  }
  const unit = tariffQuantity.getAttribute('unitCode') ?? '';
  if (!unit) reading.problem({ parent: tariffQuantity, missing: '@unitCode' }, 'wco_missing');
  reading.source(`${field}.quantity`, tariffQuantity);
  return { amount: reading.decimal(tariffQuantity, `${field}.quantity.amount`), unit };
}

function kilograms(item: Element, measure: string, field: string, reading: DeclarationReading): string {
  const path = `Commodity/GoodsMeasure/${measure}`;
  const element = descendant(item, path);
  if (!element) {
    reading.problem({ parent: item, missing: path }, 'wco_missing');
    return '0';
  }
  const unit = element.getAttribute('unitCode');
  if (unit && unit !== KILOGRAM) reading.problem(element, 'wco_unit_unsupported', { unit });
  return reading.decimal(element, field);
}

function valueOf(item: Element, field: string, context: ItemContext, reading: DeclarationReading): string {
  for (const path of ITEM_VALUE_PATHS) {
    const element = descendant(item, path);
    if (!element) continue;
    const currency = element.getAttribute('currencyID');
    if (currency && context.invoiceCurrency && currency !== context.invoiceCurrency) {
      reading.problem(element, 'wco_currency_mismatch', { currency, invoiceCurrency: context.invoiceCurrency });
    }
    const value = reading.decimal(element, `${field}.customsValue`);
    if (path === 'StatisticalValueAmount') reading.warn(element, 'value_from_statistical_value', { value, currency: currency ?? context.invoiceCurrency ?? '' });
    return value;
  }
  reading.problem({ parent: item, missing: 'CustomsValueAmount' }, 'wco_missing');
  return '0';
}

/** The preference (DE 4/17) of the item's first DutyTaxFee that states one. */
function preferenceOf(item: Element, field: string, config: NationalXmlConfig, reading: DeclarationReading): boolean {
  const code = commodityParts(item, 'DutyTaxFee')
    .map((fee) => childElement(fee, 'DutyRegimeCode'))
    .find((element) => element !== undefined);
  if (!code) return false;
  reading.source(`${field}.preferenceClaimed`, code);
  const value = textOf(code);
  if (config.preferenceCodes.community.includes(value)) return true;
  if (!config.preferenceCodes.none.includes(value)) reading.warn(code, 'preference_not_honoured', { code: value });
  return false;
}

/** Tax types and payment methods a trader declares (DE 4/3, 4/8) are customs' to assess here. */
function reportTaxLines(item: Element, reading: DeclarationReading): void {
  for (const fee of commodityParts(item, 'DutyTaxFee')) {
    const type = childElement(fee, 'TypeCode');
    if (type) reading.warn(type, 'tax_line_ignored', { code: textOf(type) });
  }
}

function commodityParts(item: Element, name: string): Element[] {
  const commodity = childElement(item, 'Commodity');
  return commodity ? childElements(commodity, name) : [];
}
