/**
 * A goods declaration as a broker lodges it (issue 6, item 2), a subset of the WCO Data Model 3.6
 * (the WCO names are given in brackets). The same shape comes from the JSON API, from the WCO DEC
 * XML mapping (customs/wco) and from the web form. Amounts and masses are decimals written as
 * strings, read exactly (customs/assessment/decimal.ts).
 */

/**
 * Import for home use (WCO procedure 40), export (10), transit (80), temporary admission (53), and
 * the clearance of a passenger car for home use (procedure 40 under the national vehicle rules:
 * one car, its value written down by age, a surcharge on old cars; docs/customs/assessment.md).
 */
export const REGIMES = ['import_home_use', 'export', 'transit', 'temporary_admission', 'vehicle_clearance'] as const;
export type Regime = (typeof REGIMES)[number];

/** Mode of transport at the border (WCO BorderTransportMeans/ModeCode, UN Rec. 19: 1 sea … 8 inland water). */
export const TRANSPORT_MODES = ['sea', 'rail', 'road', 'air', 'post', 'fixed_installation', 'inland_water'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/**
 * Documents an item may cite (WCO AdditionalDocument). The regulatory matrix names which are
 * required; the agencies' exchange services confirm the ones they issue.
 */
export const DOCUMENT_TYPES = ['import_licence', 'export_licence', 'phytosanitary_certificate', 'pharmaceutical_import_authorisation', 'certificate_of_origin', 'commercial_invoice'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface Party {
  /** Tax identification number (WCO ID); for companies registered in the country, their tax id on the platform. */
  taxId: string;
  name: string;
  /** ISO 3166-1 alpha-2 (WCO Address/CountryCode). */
  country: string;
}

export interface CitedDocument {
  type: DocumentType;
  /** The document's number as printed on it (WCO AdditionalDocument/ID). */
  reference: string;
}

export interface DeclarationItemInput {
  /** National tariff line, ten digits, with or without dots: `1006.30.00.00` or `1006300000` (WCO Commodity/Classification). */
  hsCode: string;
  /** Plain description of the goods (WCO Commodity/Description). */
  description: string;
  /** ISO 3166-1 alpha-2 country of origin (WCO Origin/CountryCode). */
  origin: string;
  /** Quantity in a unit of measure (UN/ECE Rec. 20 code such as KGM, LTR, NAR) (WCO GoodsMeasure/TariffQuantity). */
  quantity: { amount: string; unit: string };
  grossMassKg: string;
  netMassKg: string;
  /** Customs (CIF) value in the invoice currency (WCO CustomsValuationAmount / ItemChargeAmount). */
  customsValue: string;
  /** The community preference is claimed for the item (WCO Preference code 300-range); a certificate of origin is then cited. */
  preferenceClaimed: boolean;
  documents: CitedDocument[];
  /** The car, when the regime is vehicle_clearance. */
  vehicle?: VehicleDetails;
}

export interface VehicleDetails {
  /** ISO 3779 vehicle identification number: 17 characters, no I, O or Q. */
  vin: string;
  /** Year of first registration anywhere: the car's age for the national rules. */
  firstRegistrationYear: number;
  /** Cylinder capacity in cm³ (none for an electric car); the tariff line must match it. */
  engineCapacityCc?: number;
}

export interface DeclarationInput {
  /** The declarant's own reference, unique per declarant (WCO FunctionalReferenceID, the LRN). */
  localReference: string;
  regime: Regime;
  /** Customs office of lodgement (WCO DeclarationOffice). */
  officeCode: string;
  /** The broker lodging the declaration (WCO Declarant). */
  declarant: Party;
  /** Required for imports and temporary admission (WCO Importer). */
  importer?: Party;
  /** Required for exports (WCO Exporter); the foreign seller on an import. */
  exporter?: Party;
  transport: {
    mode: TransportMode;
    /** Vessel IMO number, flight, truck plate (WCO ArrivalTransportMeans/ID). */
    meansId?: string;
    /**
     * The bill of lading, air waybill or road consignment note the goods travel under (WCO
     * TransportContractDocument/ID, declared as a previous document 705/740/730): how a cargo
     * manifest's line is matched to the declaration that clears it.
     */
    transportDocument?: string;
    /** Country the goods were dispatched from (WCO ExportCountry). */
    dispatchCountry: string;
    /** ISO 6346 container numbers (WCO TransportEquipment/ID). */
    containers: string[];
  };
  /** Invoice currency, ISO 4217 (WCO InvoiceAmount currencyID); converted with the rate of the day. */
  invoiceCurrency: string;
  items: DeclarationItemInput[];
}
