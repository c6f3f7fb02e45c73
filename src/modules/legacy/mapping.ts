import { fromUnits, toUnits } from './amounts.ts';
import { CHANNELS, LEGACY_REGIMES, PROCEDURE_CODES, TAX_KINDS, type LegacyChannel, type LegacyDeclaration, type LegacyItem, type LegacyRegime, type LegacyTaxes, type SourceFormat, type TaxKind } from './record.ts';

/** A record as read from a legacy file, every value still text; `field` names say where each came from. */
export interface LegacyDraft {
  reference: string;
  officeCode: string;
  /** Platform name (`import_home_use`) or WCO procedure code (`40`). */
  regime: string;
  lodgedAt: string;
  releasedAt: string;
  channel: string;
  importerTaxId: string;
  declarantTaxId: string;
  currency: string;
  items: DraftItem[];
  /** Each amount collected, in national currency; `field` is where the file wrote it (`items[0].vat`, `taxes[2]`). */
  taxes: { kind: TaxKind; amount: string; field: string }[];
}

export interface DraftItem {
  hsCode: string;
  description: string;
  origin: string;
  quantity: string;
  unit: string;
  value: string;
}

/** One reason a draft cannot be mapped; `code` is a key of `legacy.rejection.*`. */
export interface MappingProblem {
  field: string;
  code: string;
  params: Record<string, string>;
}

/** The code lists a record is checked against (the customs reference data's KnownCodes). */
export interface LegacyCodeLists {
  offices: ReadonlySet<string>;
  currencies: ReadonlySet<string>;
  countries: ReadonlySet<string>;
}

/** Amounts are kept to four decimals (the column's scale); anything finer is a mistake in the export. */
const AMOUNT = /^\d{1,15}(?:\.\d{1,4})?$/;
/** ISO 8601 date, or date and time with an optional offset (UTC when none). */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const HS_CODE = /^\d{6,10}$/;
const UNIT = /^[A-Z0-9]{2,3}$/;

function readTimestamp(text: string): Date | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, y, m, d, hh = '00', mm = '00', ss = '00', fraction = '0', zone = 'Z'] = match;
  const date = new Date(`${y}-${m}-${d}T${hh}:${mm}:${ss}.${fraction.slice(0, 3).padEnd(3, '0')}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  if (Number.isNaN(date.getTime())) return null;
  // Date rolls 2025-02-30 over into March: a calendar date that does not exist is refused.
  const calendar = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return calendar.getUTCMonth() + 1 === Number(m) && calendar.getUTCDate() === Number(d) ? date : null;
}


const regimeOf = (text: string): LegacyRegime | null => (LEGACY_REGIMES as readonly string[]).includes(text) ? (text as LegacyRegime) : (PROCEDURE_CODES[text] ?? null);

/** The old system's channel letters or the platform's names. */
const CHANNEL_LETTERS: Readonly<Record<string, LegacyChannel>> = { G: 'green', Y: 'yellow', J: 'yellow', R: 'red', B: 'blue' };
const channelOf = (text: string): LegacyChannel | null => ((CHANNELS as readonly string[]).includes(text.toLowerCase()) ? (text.toLowerCase() as LegacyChannel) : (CHANNEL_LETTERS[text.toUpperCase()] ?? null));

/**
 * Maps a legacy record to the platform's vocabulary, or lists every reason it cannot be (pure:
 * the code lists come from the customs reference data). The totals are exact decimal sums.
 */
export function mapLegacyDraft(draft: LegacyDraft, codes: LegacyCodeLists, sourceFormat: SourceFormat): { declaration: LegacyDeclaration } | { problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const problem = (field: string, code: string, params: Record<string, string> = {}) => void problems.push({ field, code, params: { field, ...params } });
  const required = (field: string, value: string) => {
    if (value === '') problem(field, 'missing_field');
    return value;
  };
  const amount = (field: string, value: string): bigint => {
    if (value.startsWith('-')) problem(field, 'negative_amount', { value });
    else if (!AMOUNT.test(value)) problem(field, 'bad_amount', { value });
    else return toUnits(value);
    return 0n;
  };

  const reference = required('reference', draft.reference);
  const regime = regimeOf(draft.regime);
  if (draft.regime === '') problem('regime', 'missing_field');
  else if (!regime) problem('regime', 'unknown_regime', { value: draft.regime });
  if (required('officeCode', draft.officeCode) && !codes.offices.has(draft.officeCode)) problem('officeCode', 'unknown_office', { value: draft.officeCode });
  if (required('currency', draft.currency) && !codes.currencies.has(draft.currency)) problem('currency', 'unknown_currency', { value: draft.currency });
  required('declarantTaxId', draft.declarantTaxId);
  const lodgedAt = required('lodgedAt', draft.lodgedAt) ? readTimestamp(draft.lodgedAt) : null;
  if (draft.lodgedAt && !lodgedAt) problem('lodgedAt', 'bad_date', { value: draft.lodgedAt });
  const releasedAt = draft.releasedAt ? readTimestamp(draft.releasedAt) : null;
  if (draft.releasedAt && !releasedAt) problem('releasedAt', 'bad_date', { value: draft.releasedAt });
  if (lodgedAt && releasedAt && releasedAt < lodgedAt) problem('releasedAt', 'released_before_lodged', { value: draft.releasedAt });
  const channel = draft.channel ? channelOf(draft.channel) : null;
  if (draft.channel && !channel) problem('channel', 'unknown_channel', { value: draft.channel });

  if (draft.items.length === 0) problem('items', 'missing_field');
  let customsValue = 0n;
  const items = draft.items.map((item, index): LegacyItem => {
    const at = (name: string) => `items[${index}].${name}`;
    if (!HS_CODE.test(item.hsCode)) problem(at('hsCode'), 'bad_hs_code', { value: item.hsCode });
    if (required(at('origin'), item.origin) && !codes.countries.has(item.origin)) problem(at('origin'), 'unknown_country', { value: item.origin });
    if (item.unit && !UNIT.test(item.unit)) problem(at('unit'), 'bad_unit', { value: item.unit });
    const quantity = amount(at('quantity'), item.quantity || '0');
    const value = amount(at('value'), required(at('value'), item.value));
    customsValue += value;
    return { hsCode: item.hsCode, description: item.description, origin: item.origin, quantity: { amount: fromUnits(quantity), unit: item.unit }, value: fromUnits(value) };
  });

  const sums = Object.fromEntries(TAX_KINDS.map((kind) => [kind, 0n])) as Record<TaxKind, bigint>;
  for (const tax of draft.taxes) sums[tax.kind] += amount(tax.field, tax.amount || '0');
  if (problems.length > 0 || !regime || !lodgedAt) return { problems };
  const taxes = Object.fromEntries(TAX_KINDS.map((kind) => [kind, fromUnits(sums[kind])])) as LegacyTaxes;
  const taxesTotal = fromUnits(TAX_KINDS.reduce((total, kind) => total + sums[kind], 0n));
  return {
    declaration: {
      sourceFormat,
      reference,
      officeCode: draft.officeCode,
      regime,
      lodgedAt,
      releasedAt,
      channel,
      importerTaxId: draft.importerTaxId || null,
      declarantTaxId: draft.declarantTaxId,
      currency: draft.currency,
      customsValue: fromUnits(customsValue),
      taxes,
      taxesTotal,
      items,
    },
  };
}
