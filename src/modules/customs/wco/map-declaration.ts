import type { Element } from '@xmldom/xmldom';
import type { DeclarationInput, Regime, TransportMode } from '../declarations/types.ts';
import type { NationalXmlConfig } from './config.ts';
import { type DeclarationReading, descendant } from './declaration-reading.ts';
import { childElement, childElements, textOf } from './element-path.ts';
import { citedDocuments } from './map-documents.ts';
import { ITEM_VALUE_PATHS, mapItem } from './map-item.ts';
import { partiesOf } from './map-parties.ts';
import { regimeOf } from './map-regime.ts';

/** UN/ECE Recommendation 19 codes (WCO BorderTransportMeans/ModeCode); 6 multimodal and 9 own propulsion have no national mode. */
const TRANSPORT_MODES: Readonly<Record<string, TransportMode>> = { '1': 'sea', '2': 'rail', '3': 'road', '4': 'air', '5': 'post', '7': 'fixed_installation', '8': 'inland_water' };

/**
 * Where the office of lodgement is read, first found wins. Goods locations and offices of exit are
 * not offices of lodgement: they count only when the adaptation table names the office they stand for.
 */
const OFFICE_SOURCES: readonly { path: string; adaptedOnly: boolean }[] = [
  { path: 'DeclarationOfficeID', adaptedOnly: false },
  { path: 'PresentationOffice/ID', adaptedOnly: false },
  { path: 'GoodsShipment/Consignment/GoodsLocation/ID', adaptedOnly: true },
  { path: 'GoodsShipment/Consignment/GoodsLocation/Name', adaptedOnly: true },
  { path: 'ExitOffice/ID', adaptedOnly: true },
];

/** The national declaration in a schema-valid DEC document, or undefined when it has no goods to declare. */
export function mapDeclaration(root: Element, config: NationalXmlConfig, reading: DeclarationReading): DeclarationInput | undefined {
  // The schema lets MetaData hold a Declaration only in the DEC namespace; a bare Declaration is read too.
  const declaration = root.localName === 'Declaration' ? root : childElement(root, 'Declaration');
  if (!declaration) {
    reading.problem({ parent: root, missing: 'Declaration' }, 'wco_missing');
    return undefined;
  }
  const functionCode = reading.required(declaration, 'FunctionCode');
  if (functionCode && functionCode !== '9') reading.problem(descendant(declaration, 'FunctionCode')!, 'wco_function_unsupported', { code: functionCode });
  const shipment = childElement(declaration, 'GoodsShipment');
  const goodsItems = shipment ? childElements(shipment, 'GovernmentAgencyGoodsItem') : [];
  if (!shipment || goodsItems.length === 0) {
    reading.problem({ parent: declaration, missing: 'GoodsShipment/GovernmentAgencyGoodsItem' }, 'wco_missing');
    return undefined;
  }
  checkItemCount(declaration, goodsItems.length, reading);

  const localReference = reading.required(declaration, 'FunctionalReferenceID', 'localReference');
  const regime = regimeOf(declaration, goodsItems, config, reading);
  const invoiceCurrency = invoiceCurrencyOf(declaration, goodsItems, reading);
  const context = { regime, invoiceCurrency, declarationDocuments: citedDocuments(declaration, config, reading), exportCountry: descendant(shipment, 'ExportCountry/ID') };
  return {
    localReference,
    regime: regime ?? 'import_home_use',
    officeCode: officeOf(declaration, config, reading),
    ...partiesOf(declaration, shipment, regime, reading),
    transport: transportOf(declaration, shipment, regime, reading),
    invoiceCurrency: invoiceCurrency ?? '',
    items: goodsItems.map((item, index) => mapItem(item, `items[${index}]`, context, config, reading)),
  };
}

function checkItemCount(declaration: Element, found: number, reading: DeclarationReading): void {
  const declared = descendant(declaration, 'GoodsItemQuantity');
  if (declared && Number(textOf(declared)) !== found) reading.problem(declared, 'wco_item_count_mismatch', { declared: textOf(declared), found });
}

function officeOf(declaration: Element, config: NationalXmlConfig, reading: DeclarationReading): string {
  for (const { path, adaptedOnly } of OFFICE_SOURCES) {
    const element = descendant(declaration, path);
    const code = element ? textOf(element) : '';
    const adapted = config.officeAdaptations[code];
    if (!element || !code || (adaptedOnly && !adapted)) continue;
    reading.source('officeCode', element);
    if (!adapted) return code;
    reading.warn(element, 'office_adapted', { from: code, to: adapted });
    return adapted;
  }
  reading.problem({ parent: declaration, missing: 'DeclarationOfficeID' }, 'wco_missing');
  return '';
}

function transportOf(declaration: Element, shipment: Element, regime: Regime | undefined, reading: DeclarationReading): DeclarationInput['transport'] {
  const modeCode = reading.required(declaration, 'BorderTransportMeans/ModeCode', 'transport.mode');
  const mode = TRANSPORT_MODES[modeCode];
  if (modeCode && !mode) reading.problem(descendant(declaration, 'BorderTransportMeans/ModeCode')!, 'wco_transport_mode_unknown', { code: modeCode });
  // The means that brings the goods in, or takes them out; the one crossing the border otherwise.
  const means = regime === 'export' ? 'DepartureTransportMeans' : 'ArrivalTransportMeans';
  const meansId = reading.text(shipment, `Consignment/${means}/ID`, 'transport.meansId') || reading.text(declaration, 'BorderTransportMeans/ID', 'transport.meansId');
  const consignment = childElement(shipment, 'Consignment');
  const equipment = consignment ? childElements(consignment, 'TransportEquipment') : [];
  const containers = equipment.flatMap((unit) => {
    const id = childElement(unit, 'ID');
    return id && textOf(id) ? [id] : [];
  });
  containers.forEach((id, index) => reading.source(`transport.containers[${index}]`, id));
  const transportDocument = transportDocumentOf(declaration, shipment, reading);
  return {
    mode: mode ?? 'sea',
    ...(meansId ? { meansId } : {}),
    ...(transportDocument ? { transportDocument } : {}),
    dispatchCountry: reading.required(shipment, 'ExportCountry/ID', 'transport.dispatchCountry'),
    containers: containers.map(textOf),
  };
}

/**
 * Previous-document types (DE 2/1, UN/EDIFACT 1001 codes) that are the contract of carriage: master and house bills of lading, air waybills, road consignment notes.
 */
const TRANSPORT_DOCUMENT_TYPES = new Set(['704', '705', '714', '740', '741', '730']);

/** The first previous document that is a transport contract, from the goods shipment or the declaration. */
function transportDocumentOf(declaration: Element, shipment: Element, reading: DeclarationReading): string | undefined {
  for (const holder of [shipment, declaration]) {
    for (const previous of childElements(holder, 'PreviousDocument')) {
      const typeCode = childElement(previous, 'TypeCode');
      const type = typeCode ? textOf(typeCode) : '';
      const id = childElement(previous, 'ID');
      if (!TRANSPORT_DOCUMENT_TYPES.has(type) || !id || !textOf(id)) continue;
      reading.source('transport.transportDocument', id);
      return textOf(id);
    }
  }
  return undefined;
}

/**
 * The invoice currency (DE 4/10): InvoiceAmount's currencyID, else the CurrencyExchange currency,
 * else the currency of the items' amounts. A declared exchange rate is not used: values are
 * converted at the rate of the day.
 */
function invoiceCurrencyOf(declaration: Element, goodsItems: readonly Element[], reading: DeclarationReading): string | undefined {
  for (const exchange of childElements(declaration, 'CurrencyExchange')) {
    const rate = childElement(exchange, 'RateNumeric');
    if (rate) reading.warn(rate, 'exchange_rate_ignored', { rate: textOf(rate), currency: reading.text(exchange, 'CurrencyTypeCode') ?? '' });
  }
  const amounts = goodsItems.flatMap((item) => ITEM_VALUE_PATHS.flatMap((path) => descendant(item, path) ?? []));
  for (const element of [childElement(declaration, 'InvoiceAmount'), descendant(declaration, 'CurrencyExchange/CurrencyTypeCode'), ...amounts]) {
    const currency = element && (element.localName === 'CurrencyTypeCode' ? textOf(element) : element.getAttribute('currencyID'));
    if (element && currency) {
      reading.source('invoiceCurrency', element);
      return currency;
    }
  }
  reading.problem({ parent: declaration, missing: 'InvoiceAmount' }, 'wco_currency_missing');
  return undefined;
}
