import { createHash } from 'node:crypto';
import type { Assessment, LineCode } from '../assessment/types.ts';
import { KANDARA_XML_CONFIG, type NationalXmlConfig } from './config.ts';
import { wcoPointersOf } from './pointers.ts';
import { element, type XmlElement, xmlDocument } from './xml-writing.ts';

export const NOTIFICATION_KINDS = ['accepted', 'tax_assessed', 'cleared', 'rejected'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * One duty or tax line of one goods item. The RES schema types duties only per item
 * (GovernmentAgencyGoodsItem/Commodity/DutyTaxFee/TypeCode), so lines carry their item.
 */
export interface NotificationDuty {
  /** Goods item number, 1-based (WCO GovernmentAgencyGoodsItem/SequenceNumeric). */
  item: number;
  code: LineCode;
  amount: number;
  currency: string;
  /** For an ad valorem line: its base (WCO AdValoremTaxBaseAmount) and rate in per cent (TaxRateNumeric). */
  base?: number;
  rate?: string;
}

export interface NotificationError {
  /** Guichet's error code; written as WCO ValidationCode too when it fits its 8 characters. */
  code: string;
  /** Element path in the declaration XML (`/MetaData/Declaration/…`, see `elementPathOf`), or a field path. */
  pointer: string;
  message: string;
}

/** A response to the declarant (WCO RES, HMRC's DMS notifications): what is stored, and sent as XML or JSON. */
export interface DeclarationNotification {
  kind: NotificationKind;
  /** The customs reference of the declaration (WCO Declaration/ID, the MRN). */
  declarationReference: string;
  /** The declarant's reference (WCO FunctionalReferenceID, the LRN). */
  localReference: string;
  officeCode: string;
  /** ISO 8601 instant. */
  issuedAt: string;
  /** Version of the declaration answered, 1 as first lodged (WCO VersionID). */
  version?: number;
  duties?: NotificationDuty[];
  /** Total due, in the national currency. */
  total?: number;
  errors?: NotificationError[];
}

/** Response function codes as in HMRC's samples: DMSACC 01, DMSTAX 13, DMSCLE 09, DMSREJ 03. */
const FUNCTION_CODES: Record<NotificationKind, string> = { accepted: '01', tax_assessed: '13', cleared: '09', rejected: '03' };

const NAMESPACES = {
  metaData: 'urn:wco:datamodel:WCO:DocumentMetaData-DMS:2',
  response: 'urn:wco:datamodel:WCO:RES-DMS:2',
  responseTypes: 'urn:wco:datamodel:WCO:Response_DS:DMS:2',
};

const DESCRIPTION_LENGTH = 512;
const VALIDATION_CODE_LENGTH = 8;

/** The notification as a WCO DM 3.6 RES document (valid against reference-data/customs/wco/schemas/notification). */
export function notificationXml(notification: DeclarationNotification, config: NationalXmlConfig = KANDARA_XML_CONFIG): string {
  const issued = dateTime(notification.issuedAt);
  const response = element(
    'Response',
    [
      element('FunctionCode', FUNCTION_CODES[notification.kind]),
      element('FunctionalReferenceID', notificationId(notification)),
      element('IssueDateTime', [issued]),
      element('ContactOffice', [element('ID', notification.officeCode)]),
      ...(notification.errors ?? []).map(errorElement),
      notification.kind === 'cleared' ? element('Status', [element('ReleaseDateTime', [issued])]) : undefined,
      declarationElement(notification, issued, config),
    ],
    { xmlns: NAMESPACES.response, 'xmlns:ds': NAMESPACES.responseTypes },
  );
  const metaData = element(
    'md:MetaData',
    [
      element('md:WCODataModelVersionCode', '3.6'),
      element('md:WCOTypeName', 'RES'),
      element('md:ResponsibleCountryCode', config.country),
      element('md:ResponsibleAgencyName', config.agencyName),
      response,
    ],
    { 'xmlns:md': NAMESPACES.metaData },
  );
  return xmlDocument(metaData);
}

/** Every line of an assessment, item by item, for a `tax_assessed` notification. */
export function notificationDuties(assessment: Assessment): NotificationDuty[] {
  return assessment.items.flatMap((item, index) =>
    item.lines.map((line) => ({
      item: index + 1,
      code: line.code,
      amount: line.amount,
      currency: assessment.currency,
      ...(line.basis.kind === 'ad_valorem' ? { base: line.basis.base, rate: line.basis.percent } : {}),
    })),
  );
}

function declarationElement(notification: DeclarationNotification, issued: XmlElement, config: NationalXmlConfig): XmlElement {
  const { kind, total, duties = [] } = notification;
  return element('Declaration', [
    kind === 'accepted' ? element('AcceptanceDateTime', [issued]) : undefined,
    element('FunctionalReferenceID', notification.localReference),
    element('ID', notification.declarationReference),
    kind === 'rejected' ? element('RejectionDateTime', [issued]) : undefined,
    notification.version === undefined ? undefined : element('VersionID', String(notification.version)),
    total === undefined ? undefined : element('DutyTaxFee', [payment(total, config.currency)]),
    duties.length === 0 ? undefined : element('GoodsShipment', goodsItems(duties, config)),
  ]);
}

function goodsItems(duties: readonly NotificationDuty[], config: NationalXmlConfig): XmlElement[] {
  const items = [...new Set(duties.map((duty) => duty.item))].sort((a, b) => a - b);
  return items.map((item) =>
    element('GovernmentAgencyGoodsItem', [
      element('SequenceNumeric', String(item)),
      element(
        'Commodity',
        duties.filter((duty) => duty.item === item).map((duty) => dutyTaxFee(duty, config)),
      ),
    ]),
  );
}

function dutyTaxFee(duty: NotificationDuty, config: NationalXmlConfig): XmlElement {
  return element('DutyTaxFee', [
    duty.base === undefined ? undefined : amount('AdValoremTaxBaseAmount', duty.base, duty.currency),
    duty.rate === undefined ? undefined : element('TaxRateNumeric', duty.rate),
    element('TypeCode', config.taxTypeCodes[duty.code]),
    payment(duty.amount, duty.currency),
  ]);
}

const payment = (due: number, currency: string) => element('Payment', [amount('TaxAssessedAmount', due, currency), amount('PaymentAmount', due, currency)]);

/** WCO amounts are n..16,3: a non-negative figure with at most three decimals. */
function amount(name: string, value: number, currency: string): XmlElement {
  if (!Number.isFinite(value) || value < 0 || value >= 1e13) throw new RangeError(`${name} cannot be written as a WCO amount: ${value}`);
  const text = Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/\.?0+$/, '');
  return element(name, text, { currencyID: currency });
}

function errorElement(error: NotificationError): XmlElement {
  const pointers = error.pointer.startsWith('/') ? (wcoPointersOf(error.pointer) ?? []) : [];
  const description = `${error.code}: ${error.message}${error.pointer ? ` (${error.pointer})` : ''}`;
  return element('Error', [
    element('Description', truncated(description, DESCRIPTION_LENGTH)),
    error.code.length <= VALIDATION_CODE_LENGTH ? element('ValidationCode', error.code) : undefined,
    ...pointers.map((pointer) =>
      element('Pointer', [
        element('SequenceNumeric', String(pointer.sequence)),
        element('DocumentSectionCode', pointer.section),
        pointer.tag ? element('TagID', pointer.tag) : undefined,
      ]),
    ),
  ]);
}

function truncated(text: string, length: number): string {
  const characters = [...text];
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('')}…`;
}

/** WCO date-time format 304 (`20240222100938Z`), in UTC. */
function dateTime(iso: string): XmlElement {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`issuedAt is not an ISO 8601 instant: ${iso}`);
  const text = `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
  return element('ds:DateTimeString', text, { formatCode: '304' });
}

/** The notification's own reference (Response/FunctionalReferenceID), the same each time it is written. */
const notificationId = (n: DeclarationNotification) =>
  createHash('sha256').update(`${n.kind}|${n.declarationReference}|${n.version ?? ''}|${n.issuedAt}`).digest('hex').slice(0, 32);
