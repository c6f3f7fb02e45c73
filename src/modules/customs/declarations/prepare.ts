import { assess } from '../assessment/assess.ts';
import type { Assessment } from '../assessment/types.ts';
import type { RegulatoryMatrix } from '../regulatory/service.ts';
import { missingDocuments } from '../regulatory/matrix.ts';
import { invalidDeclaration, problemsOf, type FieldProblem } from './check-input.ts';
import { nationalLineOf } from './hs-code.ts';
import { vehicleProblems } from './vehicle-checks.ts';
import { vehicleAssessment } from '../assessment/vehicle.ts';
import type { DeclarationReference } from './ports.ts';
import type { DeclarationInput } from './types.ts';

export interface CustomsCountry {
  code: string;
  currency: string;
}

export interface Prepared {
  assessment: Assessment;
  tariffVersion: { id: string; label: string };
}

/**
 * Checks a declaration against the reference data and the regulatory matrix of its day, and
 * assesses it. Every problem is reported at once (422 naming each field); nothing is stored here.
 */
export async function prepareDeclaration(input: DeclarationInput, date: string, deps: { reference: DeclarationReference; matrix: RegulatoryMatrix; country: CustomsCountry }): Promise<Prepared> {
  const [{ tariff, feeRates, version }, codes, members, rules, vehicleRules] = await Promise.all([
    deps.reference.tariffOn(date),
    deps.reference.knownCodes(),
    deps.reference.communityMembers(),
    deps.matrix.rulesInForce(),
    deps.reference.vehicleClearanceRules(),
  ]);
  const communityMembers = new Set(members);
  const problems: FieldProblem[] = [...problemsOf(input, { ...codes, tariff, communityMembers }), ...vehicleProblems(input, vehicleRules, date)];
  for (const missing of missingDocuments(input.items, input.regime, rules)) {
    problems.push({ path: `items[${missing.itemIndex}].documents`, code: 'declaration_document_required', params: { document: missing.documentType, agency: missing.agencyCode } });
  }
  if (problems.length > 0) throw invalidDeclaration(problems);

  const foreign = input.invoiceCurrency === deps.country.currency ? [] : [input.invoiceCurrency];
  const exchangeRates = await deps.reference.exchangeRatesOn(date, foreign);
  const assessment = assess(
    {
      items: input.items.map((item, index) => ({
        nationalLine: nationalLineOf(item.hsCode),
        customsValue: item.customsValue,
        invoiceCurrency: input.invoiceCurrency,
        quantity: { amount: item.quantity.amount, unit: item.quantity.unit },
        origin: item.origin,
        preferenceClaimed: item.preferenceClaimed,
        ...(item.vehicle ? { vehicle: vehicleAssessment(vehicleRules, item.vehicle.firstRegistrationYear, date, `items[${index}].vehicle.firstRegistrationYear`) } : {}),
      })),
    },
    tariff,
    feeRates,
    { date, nationalCurrency: deps.country.currency, exchangeRates, communityMembers: members },
  );
  return { assessment, tariffVersion: version };
}
