import { AppError } from '../../../platform/http/errors.ts';
import { compare, readDecimal } from '../assessment/decimal.ts';
import type { Tariff } from '../assessment/types.ts';
import { isIso6346 } from './containers.ts';
import { nationalLineOf } from './hs-code.ts';
import type { DeclarationInput, DeclarationItemInput, Party } from './types.ts';

/** What the platform knows on the declaration's day, to tell a real code from a typing error. */
export interface KnownCodes {
  countries: ReadonlySet<string>;
  currencies: ReadonlySet<string>;
  offices: ReadonlySet<string>;
  tariff: Tariff;
  communityMembers: ReadonlySet<string>;
}

export interface FieldProblem {
  path: string;
  code: string;
  params: Record<string, unknown>;
}

/** Past these a figure is a typing error, not a consignment: 500,000 t is more than the largest bulk carrier. */
const LARGEST_MASS_KG = 500_000_000n;
const LARGEST_QUANTITY = 10n ** 12n;

/**
 * Every problem of a declaration that reference data can tell, all at once so a broker fixes the
 * form in one go. The JSON Schema at the edge has already checked types and patterns.
 */
export function problemsOf(input: DeclarationInput, known: KnownCodes): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const report = (path: string, code: string, params: Record<string, unknown> = {}) => problems.push({ path, code, params });

  if (!known.offices.has(input.officeCode)) report('officeCode', 'declaration_unknown_office', { office: input.officeCode });
  if (!known.currencies.has(input.invoiceCurrency)) report('invoiceCurrency', 'declaration_unknown_currency', { currency: input.invoiceCurrency });
  if (!known.countries.has(input.transport.dispatchCountry)) report('transport.dispatchCountry', 'declaration_unknown_country', { country: input.transport.dispatchCountry });
  input.transport.containers.forEach((container, index) => {
    if (!isIso6346(container)) report(`transport.containers[${index}]`, 'declaration_bad_container', { container });
  });

  const needsImporter = input.regime === 'import_home_use' || input.regime === 'temporary_admission' || input.regime === 'vehicle_clearance';
  if (needsImporter && !input.importer) report('importer', 'declaration_importer_required', { regime: input.regime });
  if (input.regime === 'export' && !input.exporter) report('exporter', 'declaration_exporter_required', { regime: input.regime });
  const parties: [string, Party | undefined][] = [['declarant', input.declarant], ['importer', input.importer], ['exporter', input.exporter]];
  for (const [name, party] of parties) {
    if (party && !known.countries.has(party.country)) report(`${name}.country`, 'declaration_unknown_country', { country: party.country });
  }

  input.items.forEach((item, index) => itemProblems(item, `items[${index}]`, known, report));
  return problems;
}

function itemProblems(item: DeclarationItemInput, path: string, known: KnownCodes, report: (path: string, code: string, params?: Record<string, unknown>) => void) {
  const line = nationalLineOf(item.hsCode);
  if (!known.tariff.has(line)) report(`${path}.hsCode`, 'declaration_unknown_hs_code', { hsCode: item.hsCode });
  if (!known.countries.has(item.origin)) report(`${path}.origin`, 'declaration_unknown_country', { country: item.origin });

  const positive = (field: string, text: string, largest: bigint) => {
    const value = readDecimal(text, `${path}.${field}`);
    if (value.units === 0n) report(`${path}.${field}`, 'declaration_not_positive', { value: text });
    else if (compare(value, { units: largest, scale: 0 }) > 0) report(`${path}.${field}`, 'declaration_absurd_figure', { value: text });
    return value;
  };
  positive('quantity.amount', item.quantity.amount, LARGEST_QUANTITY);
  positive('customsValue', item.customsValue, LARGEST_QUANTITY);
  const gross = positive('grossMassKg', item.grossMassKg, LARGEST_MASS_KG);
  const net = positive('netMassKg', item.netMassKg, LARGEST_MASS_KG);
  if (compare(net, gross) > 0) report(`${path}.netMassKg`, 'declaration_net_above_gross', { net: item.netMassKg, gross: item.grossMassKg });

  if (item.preferenceClaimed) {
    if (!known.communityMembers.has(item.origin)) report(`${path}.preferenceClaimed`, 'declaration_preference_origin', { origin: item.origin });
    if (!item.documents.some((d) => d.type === 'certificate_of_origin')) report(`${path}.documents`, 'declaration_preference_certificate', {});
  }
}

/** One 422 listing every problem; `details.fields` is what forms and the WCO rejection point at. */
export function invalidDeclaration(problems: readonly FieldProblem[]): AppError {
  const fields = problems.map((p) => ({ path: p.path, code: p.code, messageKey: `errors.${p.code}`, params: p.params }));
  return new AppError(422, 'declaration_invalid', { count: problems.length, first: problems[0]?.path ?? '' }, { fields });
}
