import { fieldError } from '../../../platform/http/errors.ts';
import { type Decimal, formatDecimal, readDecimal } from './decimal.ts';
import { toNationalValue } from './conversion.ts';
import { adValoremLine, exemptDutyLine, specificLine } from './lines.ts';
import type { AssessedItem, Assessment, AssessmentContext, AssessmentDeclaration, AssessmentItem, AssessmentLine, FeeRates, LineCode, Tariff, TariffLine } from './types.ts';

const LINE_ORDER: readonly LineCode[] = ['duty', 'statistical_fee', 'community_levy', 'excise', 'vat'];

interface Fees {
  statistical: Decimal;
  levy: Decimal;
}

/**
 * Duties and taxes of a declaration, line by line (rules and worked examples in
 * docs/customs/assessment.md). Pure: the tariff in force, the fee rates and the rates of the day
 * are given; bad input is refused with an AppError naming the field.
 */
export function assess(declaration: AssessmentDeclaration, tariff: Tariff, rates: FeeRates, context: AssessmentContext): Assessment {
  const fees = {
    statistical: readDecimal(rates.statisticalFeePercent, 'rates.statisticalFeePercent'),
    levy: readDecimal(rates.communityLevyPercent, 'rates.communityLevyPercent'),
  };
  const members = new Set(context.communityMembers);
  const items = declaration.items.map((item, index) => assessItem(item, `items[${index}]`, tariff, fees, members, context));
  const totals = LINE_ORDER.flatMap((code) => {
    const lines = items.flatMap((item) => item.lines.filter((line) => line.code === code));
    return lines.length === 0 ? [] : [{ code, amount: lines.reduce((sum, line) => sum + line.amount, 0) }];
  });
  return { date: context.date, currency: context.nationalCurrency, items, totals, total: items.reduce((sum, item) => sum + item.total, 0) };
}

function assessItem(item: AssessmentItem, path: string, tariff: Tariff, fees: Fees, members: ReadonlySet<string>, context: AssessmentContext): AssessedItem {
  const line = tariff.get(item.nationalLine);
  if (!line) throw fieldError(422, 'assessment_unknown_tariff_line', `${path}.nationalLine`, { line: item.nationalLine, date: context.date });
  const invoice = readDecimal(item.customsValue, `${path}.customsValue`);
  const value = toNationalValue(invoice, item.invoiceCurrency, context, path);
  const tariffPath = `tariff[${line.nationalLine}]`;

  // Order matters: VAT is charged on the value plus every line before it (docs/customs/assessment.md, "Bases").
  const exempt = line.communityPreference && item.preferenceClaimed && members.has(item.origin);
  const duty = exempt
    ? exemptDutyLine(value.national, line.dutyBand, item.origin)
    : adValoremLine('duty', 'customs.assessment.duty', value.national, readDecimal(line.dutyBand, `${tariffPath}.dutyBand`));
  const statistical = adValoremLine('statistical_fee', 'customs.assessment.statistical_fee', value.national, fees.statistical);
  const levy = adValoremLine('community_levy', 'customs.assessment.community_levy', value.national, fees.levy);
  const excise = exciseLine(line, item, value.national, path, tariffPath);
  const beforeVat = [duty, statistical, levy, ...(excise ? [excise] : [])];
  const vat = vatLine(value.national, beforeVat, readDecimal(line.vatPercent, `${tariffPath}.vatPercent`));

  const lines = [...beforeVat, vat];
  return {
    nationalLine: line.nationalLine,
    customsValue: { invoiceAmount: formatDecimal(invoice), currency: item.invoiceCurrency, rate: formatDecimal(value.rate), national: Number(value.national) },
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    explanation: [value.explanation],
  };
}

function exciseLine(line: TariffLine, item: AssessmentItem, value: bigint, path: string, tariffPath: string): AssessmentLine | undefined {
  const excise = line.excise;
  if (!excise) return undefined;
  if (excise.kind === 'ad_valorem') {
    return adValoremLine('excise', 'customs.assessment.excise_ad_valorem', value, readDecimal(excise.percent, `${tariffPath}.excise.percent`));
  }
  // A specific excise is charged on the quantity in the tariff's own unit; any other unit would need a conversion the declarant must make.
  if (!item.quantity || item.quantity.unit !== excise.unit) {
    throw fieldError(422, 'assessment_quantity_unit', `${path}.quantity`, { line: line.nationalLine, unit: excise.unit });
  }
  const quantity = readDecimal(item.quantity.amount, `${path}.quantity.amount`);
  return specificLine('excise', quantity, excise.unit, readDecimal(excise.amountPerUnit, `${tariffPath}.excise.amountPerUnit`));
}

/** VAT on the customs value plus the rounded duty, fees and excise of the item. */
function vatLine(value: bigint, before: readonly AssessmentLine[], percent: Decimal): AssessmentLine {
  const amountOf = (code: LineCode) => before.find((l) => l.code === code)?.amount ?? 0;
  const base = before.reduce((sum, l) => sum + BigInt(l.amount), value);
  const parts = {
    key: 'customs.assessment.vat_base',
    params: { value: Number(value), duty: amountOf('duty'), statisticalFee: amountOf('statistical_fee'), communityLevy: amountOf('community_levy'), excise: amountOf('excise'), base: Number(base) },
  };
  return adValoremLine('vat', 'customs.assessment.vat', base, percent, [parts]);
}
