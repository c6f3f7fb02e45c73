import type { LineCode } from '../assessment/types.ts';
import type { DocumentType, Regime } from '../declarations/types.ts';

/**
 * How one country reads WCO DEC XML into its national declaration, and writes its RES
 * notifications: code tables only, no behaviour (docs/customs/wco-xml.md explains each).
 */
export interface NationalXmlConfig {
  /** ISO 3166-1 alpha-2 code of the country (WCO MetaData ResponsibleCountryCode). */
  country: string;
  /** ISO 4217 code of the national currency, in which duties and taxes are assessed. */
  currency: string;
  /** Customs administration named on notifications (WCO ResponsibleAgencyName). */
  agencyName: string;
  /**
   * Requested procedure (WCO GovernmentProcedure/CurrentCode, two digits) → regime, with the
   * declaration types (first two letters of TypeCode) it may be declared on.
   */
  procedures: Readonly<Record<string, { regime: Regime; declarationTypes: readonly string[] }>>;
  /**
   * Office or goods-location codes of another administration's samples → national office code.
   * Other codes are kept as given and checked against the offices register with the declaration.
   */
  officeAdaptations: Readonly<Record<string, string>>;
  /**
   * Commodity codes of another administration's samples (as combined from the classification) →
   * national line, where the national tariff subdivides the HS code differently.
   */
  classificationAdaptations: Readonly<Record<string, string>>;
  /** Classification IdentificationTypeCodes giving the commodity code: the head of the national line. */
  commodityCodeTypes: readonly string[];
  /** Classification IdentificationTypeCodes whose digits extend the commodity code (TARIC-like). */
  extensionCodeTypes: readonly string[];
  /** Preference codes (WCO DutyTaxFee/DutyRegimeCode): the community preference, and "no preference". */
  preferenceCodes: { community: readonly string[]; none: readonly string[] };
  /** National document codes, CategoryCode followed by TypeCode (WCO AdditionalDocument) → document type. */
  documentCodes: Readonly<Record<string, DocumentType>>;
  /** National tax type codes written on notifications (WCO DutyTaxFee/TypeCode, at most 3 characters). */
  taxTypeCodes: Readonly<Record<LineCode, string>>;
}

/** EU-style preference codes 300–399 (tariff preference under an agreement) stand for the ECOWAS preference. */
const COMMUNITY_PREFERENCE = Array.from({ length: 100 }, (_, i) => String(300 + i));

/** The demo country, the Republic of Kandara (src/demo/country.ts); its offices are in reference-data/customs/customs-offices.csv. */
export const KANDARA_XML_CONFIG: NationalXmlConfig = {
  country: 'KD',
  currency: 'XOF',
  agencyName: 'Direction générale des douanes de Kandara',
  procedures: {
    '40': { regime: 'import_home_use', declarationTypes: ['IM'] },
    '53': { regime: 'temporary_admission', declarationTypes: ['IM'] },
    '10': { regime: 'export', declarationTypes: ['EX', 'CO'] },
    '80': { regime: 'transit', declarationTypes: ['IM', 'EX', 'CO'] },
  },
  officeAdaptations: {
    // TT_IM001a: Wallasea Island, Baltic Wharf (a sea port) → Kandara-Ville port.
    WLALONBTW: 'KDKAN01',
    // TT_EX001a: Dover (goods location and office of exit) → Kandara-Ville port.
    DVRDOVDVR: 'KDKAN01',
    GB000040: 'KDKAN01',
  },
  classificationAdaptations: {
    // TT_EX001a: CN 4602 19 10 (straw envelopes for bottles); Kandara's tariff does not split 4602.19.
    '46021910': '4602190000',
  },
  commodityCodeTypes: ['TSP', 'HS'],
  extensionCodeTypes: ['TRC'],
  preferenceCodes: { community: COMMUNITY_PREFERENCE, none: ['100'] },
  documentCodes: {
    L100: 'import_licence',
    L200: 'export_licence',
    P200: 'phytosanitary_certificate',
    H300: 'pharmaceutical_import_authorisation',
    C400: 'certificate_of_origin',
    N935: 'commercial_invoice',
  },
  taxTypeCodes: { duty: 'DD', statistical_fee: 'RS', community_levy: 'PC', excise: 'DA', vehicle_surcharge: 'SVO', vat: 'TVA' },
};
