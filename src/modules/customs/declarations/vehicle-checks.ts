import type { DeclarationInput } from './types.ts';
import type { FieldProblem } from './check-input.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { vehicleAge } from '../assessment/vehicle.ts';
import { normaliseVin } from './vin.ts';
import type { VehicleClearanceRules } from '../reference/vehicle-rules.ts';

/**
 * A passenger-car clearance is one car of the rules' heading, described; a car is described only
 * under that regime (its write-down would otherwise apply to goods it was not meant for).
 */
export function vehicleProblems(input: DeclarationInput, rules: VehicleClearanceRules, date: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const report = (path: string, code: string, params: Record<string, unknown> = {}) => problems.push({ path, code, params });
  if (input.regime !== 'vehicle_clearance') {
    input.items.forEach((item, index) => item.vehicle && report(`items[${index}].vehicle`, 'declaration_vehicle_unexpected', { regime: input.regime }));
    return problems;
  }
  if (input.items.length !== 1) report('items', 'declaration_vehicle_one_item', { count: input.items.length });
  const [item] = input.items;
  if (!item) return problems;
  if (!item.hsCode.replace(/[. ]/g, '').startsWith(rules.heading)) report('items[0].hsCode', 'declaration_vehicle_heading', { hsCode: item.hsCode, heading: rules.heading });
  if (!item.vehicle) {
    report('items[0].vehicle', 'declaration_vehicle_required', {});
    return problems;
  }
  const vinProblem = problemOf(() => normaliseVin(item.vehicle!.vin, 'items[0].vehicle.vin'));
  if (vinProblem) report('items[0].vehicle.vin', vinProblem.code, vinProblem.params);
  const year = item.vehicle.firstRegistrationYear;
  const age = vehicleAge(year, date);
  if (age < 0) report('items[0].vehicle.firstRegistrationYear', 'declaration_vehicle_registered_later', { year, date });
  else if (age > rules.maxAgeYears) report('items[0].vehicle.firstRegistrationYear', 'declaration_vehicle_too_old', { year, age, max: rules.maxAgeYears });
  return problems;
}

/** The refusal a check throws, as one problem among the declaration's others. */
function problemOf(check: () => unknown): AppError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}
