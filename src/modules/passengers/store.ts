import type { Db, Trx } from '../../platform/db/database.ts';
import type { VehiclePassesTable } from './schema.ts';
import { exitDueOn, type VehiclePassState } from './vehicle-stay.ts';
import type { Selectable } from 'kysely';

export type VehiclePassRow = Selectable<VehiclePassesTable>;

/** A pass as travellers and officers read it. */
export interface VehiclePass {
  id: string;
  documentId: string;
  documentNumber: string;
  state: VehiclePassState;
  /** Flagged by the overdue job; stays true after the vehicle leaves. */
  overdue: boolean;
  overdueOn: string | null;
  traveller: { name: string; passportNumber: string; passportCountry: string };
  vehicle: { vin: string; plate: string; registrationCountry: string };
  entryOffice: string;
  plannedEntryOn: string;
  allowedDays: number;
  enteredOn: string | null;
  enteredAtOffice: string | null;
  /** The last day the vehicle may stay, once it has entered. */
  exitDueOn: string | null;
  exitedOn: string | null;
  exitedAtOffice: string | null;
}

export function vehiclePassOf(row: VehiclePassRow): VehiclePass {
  return {
    id: row.id,
    documentId: row.document_id,
    documentNumber: row.document_number,
    state: row.state,
    overdue: row.overdue_on !== null,
    overdueOn: row.overdue_on,
    traveller: { name: row.traveller_name, passportNumber: row.passport_number, passportCountry: row.passport_country },
    vehicle: { vin: row.vin, plate: row.plate, registrationCountry: row.registration_country },
    entryOffice: row.entry_office,
    plannedEntryOn: row.planned_entry_on,
    allowedDays: row.allowed_days,
    enteredOn: row.entered_on,
    enteredAtOffice: row.entered_at_office,
    exitDueOn: row.entered_on ? exitDueOn(row.entered_on, row.allowed_days) : null,
    exitedOn: row.exited_on,
    exitedAtOffice: row.exited_at_office,
  };
}

export const passRows = (executor: Db | Trx) => executor.selectFrom('vehicle_passes').selectAll();

/** The customs administration's agency id: border work is authorised against it. */
export async function customsAgencyId(db: Db | Trx, code: string): Promise<string> {
  const row = await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`the ${code} agency is missing: the passenger module needs the customs administration registered`);
  return row.id;
}
