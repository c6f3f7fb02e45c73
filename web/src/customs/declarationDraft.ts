/**
 * The broker's form as it is being typed, and the declaration it sends (the body of
 * `POST /api/customs/declarations`, declarations/types.ts). The form keeps text exactly as typed;
 * only sending tidies it: codes in capitals, decimals the way the API reads them, optional parts
 * left out when empty. Judging the declaration is the server's job: it lists every problem with
 * its field, and the form shows each one there.
 */
import type { CitedDocument, DeclarationInput, DocumentType, Party, Regime, TransportMode } from './types';

export interface PartyDraft {
  taxId: string;
  name: string;
  country: string;
}

export interface DocumentDraft {
  /** A React key, stable while rows are added and removed. */
  key: string;
  type: DocumentType;
  reference: string;
}

export interface ItemDraft {
  key: string;
  hsCode: string;
  description: string;
  origin: string;
  quantityAmount: string;
  quantityUnit: string;
  grossMassKg: string;
  netMassKg: string;
  customsValue: string;
  preferenceClaimed: boolean;
  documents: DocumentDraft[];
  /** The car, on a passenger car clearance: VIN, year of first registration, cylinder capacity. */
  vin: string;
  firstRegistrationYear: string;
  engineCapacityCc: string;
}

export interface DeclarationDraft {
  localReference: string;
  regime: Regime;
  officeCode: string;
  declarant: PartyDraft;
  importer: PartyDraft;
  exporter: PartyDraft;
  transportMode: TransportMode;
  meansId: string;
  /** Bill of lading, air waybill or consignment note number. */
  transportDocument: string;
  dispatchCountry: string;
  /** Container numbers as typed: separated by spaces, commas or new lines. */
  containers: string;
  invoiceCurrency: string;
  items: ItemDraft[];
}

let lastKey = 0;
const nextKey = () => `row-${(lastKey += 1)}`;

/** Every item cites its commercial invoice; the matrix asks for the rest by HS code. */
export function newDocument(type: DocumentType = 'commercial_invoice'): DocumentDraft {
  return { key: nextKey(), type, reference: '' };
}

/** Goods are counted in kilograms unless the tariff line says otherwise (UN/ECE Rec. 20 KGM). */
export function newItem(): ItemDraft {
  return {
    key: nextKey(),
    hsCode: '',
    description: '',
    origin: '',
    quantityAmount: '',
    quantityUnit: 'KGM',
    grossMassKg: '',
    netMassKg: '',
    customsValue: '',
    preferenceClaimed: false,
    documents: [newDocument()],
    vin: '',
    firstRegistrationYear: '',
    engineCapacityCc: '',
  };
}

const emptyParty = (): PartyDraft => ({ taxId: '', name: '', country: '' });

/** A new declaration lodged by the broker's own company, which is always the declarant. */
export function newDraft(company: { taxId: string; name: string } | null, companyCountry: string): DeclarationDraft {
  return {
    localReference: '',
    regime: 'import_home_use',
    officeCode: '',
    declarant: { taxId: company?.taxId ?? '', name: company?.name ?? '', country: companyCountry },
    importer: emptyParty(),
    exporter: emptyParty(),
    transportMode: 'sea',
    meansId: '',
    transportDocument: '',
    dispatchCountry: '',
    containers: '',
    invoiceCurrency: '',
    items: [newItem()],
  };
}

/**
 * A company registered on the platform carries its country in its tax id (`KD-2015-000871`), as
 * the WCO mapping reads it too; null when the prefix is not a known country.
 */
export function countryOfTaxId(taxId: string, countries: ReadonlySet<string>): string | null {
  const prefix = /^([A-Z]{2})-/.exec(taxId.trim().toUpperCase())?.[1];
  return prefix && countries.has(prefix) ? prefix : null;
}

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * A figure as typed, in the form the API reads ("12500.50"): Arabic-Indic digits become Western
 * ones, group separators (spaces, thin spaces, the Arabic thousands sign) go, and a lone comma or
 * the Arabic decimal sign is the decimal point, as French and Arabic write it. Anything else is
 * sent as typed, for the server to name the problem.
 */
export function normaliseDecimal(typed: string): string {
  const western = typed.replace(ARABIC_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
  const bare = western.replace(/[\s\u00a0\u202f\u066c]/g, '').replace('\u066b', '.');
  if (/^\d+,\d+$/.test(bare)) return bare.replace(',', '.');
  // "12,500.50": the comma groups thousands.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(bare)) return bare.replace(/,/g, '');
  return bare;
}

const code = (text: string) => text.trim().toUpperCase();

function partyOf(draft: PartyDraft): Party {
  return { taxId: code(draft.taxId), name: draft.name.trim(), country: code(draft.country) };
}

/** An optional party is declared when any of its fields is filled; a half-filled one is sent for the server to point at. */
function optionalParty(draft: PartyDraft): Party | undefined {
  return draft.taxId.trim() || draft.name.trim() || draft.country.trim() ? partyOf(draft) : undefined;
}

function documentOf(draft: DocumentDraft): CitedDocument {
  return { type: draft.type, reference: draft.reference.trim() };
}

export function containerNumbers(typed: string): string[] {
  return typed
    .split(/[\s,;]+/)
    .map(code)
    .filter(Boolean);
}

/** The declaration the form sends. */
export function declarationOf(draft: DeclarationDraft): DeclarationInput {
  const importer = optionalParty(draft.importer);
  const exporter = optionalParty(draft.exporter);
  const meansId = draft.meansId.trim();
  const transportDocument = draft.transportDocument.trim();
  return {
    localReference: draft.localReference.trim(),
    regime: draft.regime,
    officeCode: code(draft.officeCode),
    declarant: partyOf(draft.declarant),
    ...(importer ? { importer } : {}),
    ...(exporter ? { exporter } : {}),
    transport: {
      mode: draft.transportMode,
      ...(meansId ? { meansId } : {}),
      ...(transportDocument ? { transportDocument } : {}),
      dispatchCountry: code(draft.dispatchCountry),
      containers: containerNumbers(draft.containers),
    },
    invoiceCurrency: code(draft.invoiceCurrency),
    items: draft.items.map((item) => ({
      hsCode: item.hsCode.trim(),
      description: item.description.trim(),
      origin: code(item.origin),
      quantity: { amount: normaliseDecimal(item.quantityAmount), unit: code(item.quantityUnit) },
      grossMassKg: normaliseDecimal(item.grossMassKg),
      netMassKg: normaliseDecimal(item.netMassKg),
      customsValue: normaliseDecimal(item.customsValue),
      preferenceClaimed: item.preferenceClaimed,
      documents: item.documents.map(documentOf),
      ...(draft.regime === 'vehicle_clearance' ? { vehicle: vehicleOf(item) } : {}),
    })),
  };
}

const PARTY_FIELDS = ['taxId', 'name', 'country'] as const;
const VEHICLE_FIELDS = ['vin', 'firstRegistrationYear', 'engineCapacityCc'] as const;

/** Years and capacities are whole numbers; what is not one is sent as typed for the server to point at. */
function vehicleOf(item: ItemDraft): NonNullable<DeclarationInput['items'][number]['vehicle']> {
  const whole = (text: string) => (/^[0-9]+$/.test(text.trim()) ? Number(text.trim()) : (text.trim() as unknown as number));
  const capacity = item.engineCapacityCc.trim();
  return { vin: item.vin.trim().toUpperCase(), firstRegistrationYear: whole(item.firstRegistrationYear), ...(capacity ? { engineCapacityCc: whole(capacity) } : {}) };
}

const ITEM_FIELDS = ['hsCode', 'description', 'origin', 'quantity.amount', 'quantity.unit', 'grossMassKg', 'netMassKg', 'customsValue', 'preferenceClaimed', 'documents'] as const;

/**
 * The paths of the fields and groups the form shows for `draft`, named as the API names them, so
 * that each objection finds its place (fieldPlacement.ts). The declarant is the broker's own
 * company: only its country is a field, the rest is shown as text within its group.
 */
export function formPaths(draft: DeclarationDraft): Set<string> {
  const paths = ['localReference', 'regime', 'officeCode', 'invoiceCurrency', 'declarant', 'declarant.country', 'items'];
  for (const party of ['importer', 'exporter'] as const) paths.push(party, ...PARTY_FIELDS.map((field) => `${party}.${field}`));
  paths.push('transport', ...['mode', 'meansId', 'transportDocument', 'dispatchCountry', 'containers'].map((field) => `transport.${field}`));
  draft.items.forEach((item, index) => {
    const at = `items[${index}]`;
    paths.push(at, ...ITEM_FIELDS.map((field) => `${at}.${field}`));
    if (draft.regime === 'vehicle_clearance') paths.push(`${at}.vehicle`, ...VEHICLE_FIELDS.map((field) => `${at}.vehicle.${field}`));
    item.documents.forEach((_, row) => paths.push(`${at}.documents[${row}].type`, `${at}.documents[${row}].reference`));
  });
  return new Set(paths);
}
