/**
 * Inputs and outputs of the duty and tax assessment (issue 6, item 3). Amounts that come in are
 * decimals, written as strings (exact) or numbers (read by their shortest decimal form); amounts
 * that come out are whole units of the national currency (XOF has no minor unit, ISO 4217).
 */

/** A non-negative decimal: `"12500.50"`, or `12500.5`. */
export type DecimalInput = string | number;

/** The five bands of the ECOWAS common external tariff, in per cent of the customs value. */
export type DutyBand = 0 | 5 | 10 | 20 | 35;

/** One declaration item as far as the assessment needs it (WCO DM: GovernmentAgencyGoodsItem). */
export interface AssessmentItem {
  /** National tariff line extending the HS six-digit code, e.g. `1006.30.00.00`. */
  nationalLine: string;
  /** Customs (CIF) value of the item in its invoice currency. */
  customsValue: DecimalInput;
  /** ISO 4217 code of the invoice currency. */
  invoiceCurrency: string;
  /** Quantity in the tariff's unit; needed when the line carries a specific excise. */
  quantity?: { amount: DecimalInput; unit: string };
  /** ISO 3166-1 alpha-2 country of origin. */
  origin: string;
  /** The declarant claims the community preference (certificate of origin cited on the item). */
  preferenceClaimed: boolean;
  /** A passenger car cleared for home use: its value is written down by age, and an old car pays a surcharge. */
  vehicle?: VehicleAssessment;
}

/** What the national vehicle rules (vehicle.ts) make of one car's age. */
export interface VehicleAssessment {
  ageYears: number;
  depreciationPercent: DecimalInput;
  surchargePercent: DecimalInput;
}

export interface AssessmentDeclaration {
  items: readonly AssessmentItem[];
}

export type Excise = { kind: 'ad_valorem'; percent: DecimalInput } | { kind: 'specific'; amountPerUnit: DecimalInput; unit: string };

export interface TariffLine {
  nationalLine: string;
  dutyBand: DutyBand;
  vatPercent: DecimalInput;
  excise?: Excise;
  /** Goods of community origin on this line enter duty-free when the preference is claimed. */
  communityPreference: boolean;
}

/** The tariff in force on the declaration's date, by national line. */
export type Tariff = ReadonlyMap<string, TariffLine>;

/** The country's ad valorem fees on the customs value. */
export interface FeeRates {
  statisticalFeePercent: DecimalInput;
  communityLevyPercent: DecimalInput;
}

export interface AssessmentContext {
  /** Date of the declaration (ISO 8601), the day of the exchange rates. */
  date: string;
  /** ISO 4217 code of the national currency; amounts are rounded to its whole unit. */
  nationalCurrency: string;
  /** Units of national currency for one unit of each foreign currency, on `date`. */
  exchangeRates: Readonly<Record<string, DecimalInput>>;
  /** ISO 3166-1 alpha-2 codes of the community's member states. */
  communityMembers: readonly string[];
}

export type LineCode = 'duty' | 'statistical_fee' | 'community_levy' | 'excise' | 'vehicle_surcharge' | 'vat';

/** One sentence of an explanation: a message key (`customs.assessment.*`) and its parameters. */
export interface ExplanationPart {
  key: string;
  params: Record<string, string | number>;
}

export type LineBasis =
  | { kind: 'ad_valorem'; base: number; percent: string }
  | { kind: 'specific'; quantity: string; unit: string; amountPerUnit: string };

export interface AssessmentLine {
  code: LineCode;
  basis: LineBasis;
  amount: number;
  /** Set when the line is due at a nil amount by a rule rather than by its rate. */
  exemption?: 'community_preference';
  explanation: ExplanationPart[];
}

export interface AssessedItem {
  nationalLine: string;
  customsValue: { invoiceAmount: string; currency: string; rate: string; national: number };
  lines: AssessmentLine[];
  total: number;
  explanation: ExplanationPart[];
}

export interface Assessment {
  date: string;
  currency: string;
  items: AssessedItem[];
  /** Per code, the sum of the items' rounded lines, in the order of the lines. */
  totals: { code: LineCode; amount: number }[];
  total: number;
}
