import fs from 'node:fs/promises';
import path from 'node:path';
import type { VehicleRules } from '../assessment/vehicle.ts';
import { REFERENCE_DIR } from './shipped-files.ts';

export interface VehicleClearanceRules extends VehicleRules {
  /** The HS heading of the cars these rules apply to. */
  heading: string;
}

let shipped: Promise<VehicleClearanceRules> | undefined;

/** The shipped passenger-car rules, read once per process; a malformed file stops the start with its name. */
export function vehicleClearanceRules(): Promise<VehicleClearanceRules> {
  shipped ??= fs.readFile(path.join(REFERENCE_DIR, 'vehicle-clearance.json'), 'utf8').then((text) => {
    const rules = JSON.parse(text) as VehicleClearanceRules;
    const steps = Array.isArray(rules.depreciation) && rules.depreciation.every((s) => Number.isInteger(s.fromYears) && s.percent >= 0 && s.percent < 100);
    if (!/^[0-9]{4}$/.test(rules.heading) || !Number.isInteger(rules.maxAgeYears) || !steps || !(rules.surcharge?.percent >= 0)) {
      throw new Error('reference-data/customs/vehicle-clearance.json is malformed');
    }
    return rules;
  });
  return shipped;
}
