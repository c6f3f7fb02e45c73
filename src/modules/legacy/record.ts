/**
 * A declaration of the old customs system, whatever file it came from (CSV export or CUSDEC), in
 * the platform's vocabulary so statistics can put it next to a declaration lodged on the platform.
 */

export const SOURCE_FORMATS = ['csv', 'cusdec'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * The regimes of customs/declarations/types.ts REGIMES (not exported by the customs module's index),
 * so legacy and new declarations are counted under the same names.
 */
export const LEGACY_REGIMES = ['import_home_use', 'export', 'transit', 'temporary_admission'] as const;
export type LegacyRegime = (typeof LEGACY_REGIMES)[number];

/** The WCO procedure codes the old system writes (WCO DM procedure category: 40 home use, 10 export, 80 transit, 53 temporary admission). */
export const PROCEDURE_CODES: Readonly<Record<string, LegacyRegime>> = { '40': 'import_home_use', '10': 'export', '80': 'transit', '53': 'temporary_admission' };

/** Selectivity channels, as the platform's risk engine names them. */
export const CHANNELS = ['green', 'yellow', 'red', 'blue'] as const;
export type LegacyChannel = (typeof CHANNELS)[number];

/** Duties and taxes collected, in national currency. */
export const TAX_KINDS = ['duty', 'vat', 'statistical_fee', 'community_levy', 'excise'] as const;
export type TaxKind = (typeof TAX_KINDS)[number];
export type LegacyTaxes = Record<TaxKind, string>;

export interface LegacyItem {
  /** Tariff line digits as the old system wrote them (6 to 10). */
  hsCode: string;
  description: string;
  /** ISO 3166-1 alpha-2 */
  origin: string;
  quantity: { amount: string; unit: string };
  /** Customs value of the item in the declaration's currency. */
  value: string;
}

export interface LegacyDeclaration {
  sourceFormat: SourceFormat;
  reference: string;
  officeCode: string;
  regime: LegacyRegime;
  lodgedAt: Date;
  releasedAt: Date | null;
  channel: LegacyChannel | null;
  importerTaxId: string | null;
  declarantTaxId: string;
  currency: string;
  customsValue: string;
  taxes: LegacyTaxes;
  taxesTotal: string;
  items: LegacyItem[];
}

/** Why a record was not imported, and where in the file: a CSV line, or a CUSDEC message and segment. */
export interface LegacyRejection {
  /** 1-based line of the CSV file (header is line 1); for CUSDEC, the line the segment starts on. */
  line: number | null;
  /** CUSDEC: the message reference (UNH 0062) and the segment's position and tag. */
  messageReference?: string;
  segment?: number;
  tag?: string;
  /** The legacy reference, when the record got that far. */
  reference: string | null;
  /** Which field, in the platform's names (`officeCode`, `items[1].origin`). */
  field: string | null;
  /** A key of `legacy.rejection.*` in the message catalogues. */
  code: string;
  params: Record<string, string>;
}
