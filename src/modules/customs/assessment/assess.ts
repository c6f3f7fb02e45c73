import { fieldError } from '../../../platform/http/errors.ts';
import { type Decimal, formatDecimal, fromWhole, percentOf, readDecimal, roundHalfUp } from './decimal.ts';
import { toNationalValue, type NationalValue } from './conversion.ts';
import { adValoremLine, exemptDutyLine, specificLine } from './lines.ts';
import type { AssessedItem, Assessment, AssessmentContext, AssessmentDeclaration, AssessmentItem, AssessmentLine, FeeRates, LineCode, Tariff, TariffLine, VehicleAssessment } from './types.ts';

const LINE_ORDER: readonly LineCode[] = ['duty', 'statistical_fee', 'community_levy', 'excise', 'vehicle_surcharge', 'vat'];

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
  const converted = toNationalValue(invoice, item.invoiceCurrency, context, path);
  const value = item.vehicle ? writtenDown(converted, item.vehicle, path) : converted;
  const tariffPath = `tariff[${line.nationalLine}]`;

  // Order matters: VAT is charged on the value plus every line before it (docs/customs/assessment.md, "Bases").
  const exempt = line.communityPreference && item.preferenceClaimed && members.has(item.origin);
  const duty = exempt
    ? exemptDutyLine(value.national, line.dutyBand, item.origin)
    : adValoremLine('duty', 'customs.assessment.duty', value.national, readDecimal(line.dutyBand, `${tariffPath}.dutyBand`));
  const statistical = adValoremLine('statistical_fee', 'customs.assessment.statistical_fee', value.national, fees.statistical);
  const levy = adValoremLine('community_levy', 'customs.assessment.community_levy', value.national, fees.levy);
  const excise = exciseLine(line, item, value.national, path, tariffPath);
  const surcharge = item.vehicle ? vehicleSurchargeLine(value.national, item.vehicle, path) : undefined;
  const beforeVat = [duty, statistical, levy, ...(excise ? [excise] : []), ...(surcharge ? [surcharge] : [])];
  const vat = vatLine(value.national, beforeVat, readDecimal(line.vatPercent, `${tariffPath}.vatPercent`));

  const lines = [...beforeVat, vat];
  return {
    nationalLine: line.nationalLine,
    customsValue: { invoiceAmount: formatDecimal(invoice), currency: item.invoiceCurrency, rate: formatDecimal(value.rate), national: Number(value.national) },
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    explanation: [converted.explanation, ...(value === converted ? [] : [value.explanation])],
  };
}

/** A used car's customs value written down by its age, rounded half up to the franc; every line is then computed on it. */
function writtenDown(value: NationalValue, vehicle: VehicleAssessment, path: string): NationalValue {
  const percent = readDecimal(vehicle.depreciationPercent, `${path}.vehicle.depreciationPercent`);
  const deduction = roundHalfUp(percentOf(fromWhole(value.national), percent));
  const national = value.national - deduction;
  const params = { age: vehicle.ageYears, percent: formatDecimal(percent), value: Number(value.national), deduction: Number(deduction), national: Number(national) };
  return { rate: value.rate, national, explanation: { key: 'customs.assessment.vehicle_depreciation', params } };
}

function vehicleSurchargeLine(value: bigint, vehicle: VehicleAssessment, path: string): AssessmentLine | undefined {
  const percent = readDecimal(vehicle.surchargePercent, `${path}.vehicle.surchargePercent`);
  if (percent.units === 0n) return undefined;
  return adValoremLine('vehicle_surcharge', 'customs.assessment.vehicle_surcharge', value, percent, [{ key: 'customs.assessment.vehicle_surcharge_age', params: { age: vehicle.ageYears } }]);
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
  const surcharge = amountOf('vehicle_surcharge');
  if (surcharge > 0) Object.assign(parts, { key: 'customs.assessment.vat_base_vehicle', params: { ...parts.params, vehicleSurcharge: surcharge } });
  return adValoremLine('vat', 'customs.assessment.vat', base, percent, [parts]);
}
