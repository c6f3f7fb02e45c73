import { fieldError } from '../../../platform/http/errors.ts';
import type { VehicleAssessment } from './types.ts';

/**
 * The national rules for clearing a passenger car for home use (docs/customs/assessment.md,
 * "Passenger cars"): a used car's customs value is written down by its age, an old car pays a
 * surcharge, and a car older than the limit may not be imported at all. Data, not code: they come
 * from reference-data/customs/vehicle-clearance.json.
 */
export interface VehicleRules {
  /** Cars older than this (in whole years since first registration) are refused. */
  maxAgeYears: number;
  /** Write-down of the customs value by age: the last step whose `fromYears` the age reaches applies. */
  depreciation: readonly { fromYears: number; percent: number }[];
  /** Surcharge on the written-down value for cars at least this old. */
  surcharge: { fromYears: number; percent: number };
}

/** Whole years between the first registration year and the declaration's year (a car registered this year is 0). */
export const vehicleAge = (firstRegistrationYear: number, date: string) => Number(date.slice(0, 4)) - firstRegistrationYear;

/** What the rules make of one car on a date; a car too old, or registered in the future, is refused at `path`. */
export function vehicleAssessment(rules: VehicleRules, firstRegistrationYear: number, date: string, path: string): VehicleAssessment {
  const ageYears = vehicleAge(firstRegistrationYear, date);
  if (ageYears < 0) throw fieldError(422, 'declaration_vehicle_registered_later', path, { year: firstRegistrationYear, date });
  if (ageYears > rules.maxAgeYears) throw fieldError(422, 'declaration_vehicle_too_old', path, { year: firstRegistrationYear, age: ageYears, max: rules.maxAgeYears });
  const step = [...rules.depreciation].sort((a, b) => b.fromYears - a.fromYears).find((s) => ageYears >= s.fromYears);
  return {
    ageYears,
    depreciationPercent: String(step?.percent ?? 0),
    surchargePercent: String(ageYears >= rules.surcharge.fromYears ? rules.surcharge.percent : 0),
  };
}
