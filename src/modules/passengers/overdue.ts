import { sql } from 'kysely';
import { recordAudit, systemContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { CUSTOMS_AGENCY } from './passenger-documents.ts';
import { customsAgencyId } from './store.ts';
import { exitDueOn } from './vehicle-stay.ts';

const OVERDUE_JOB = systemContext('passengers.overdue');
/** Passes flagged per transaction: a country's backlog on a first run is flagged in short transactions. */
const BATCH = 200;

/**
 * Flags vehicles still in the country after their last allowed day (entry day + allowed days,
 * vehicle-stay.ts) as of `day`: each flag is written once, with its audit entry, and puts the
 * vehicle on customs' list of overdue vehicles. Run on a schedule; `day` is injected so a test
 * (or an operator catching up) says which day it is. Returns how many were flagged.
 */
export async function flagOverdueVehicles(db: Db, day: string): Promise<number> {
  let flagged = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('vehicle_passes')
        .select(['id', 'document_number', 'vin', 'entered_on', 'allowed_days'])
        .where('state', '=', 'entered')
        .where('overdue_on', 'is', null)
        .where(sql<boolean>`cast(entered_on as date) + allowed_days < cast(${day} as date)`)
        .orderBy('entered_on')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      // Looked up only when there is something to flag: a platform without customs yet has no passes either.
      const agencyId = due.length > 0 ? await customsAgencyId(trx, CUSTOMS_AGENCY) : null;
      for (const pass of due) {
        await trx.updateTable('vehicle_passes').set({ overdue_on: day }).where('id', '=', pass.id).execute();
        await recordAudit(trx, OVERDUE_JOB, {
          action: 'passengers.vehicle_pass.overdue',
          recordType: 'vehicle_pass',
          recordId: pass.id,
          agencyId,
          before: { overdue: false },
          after: { overdue: true, overdueOn: day },
          details: { number: pass.document_number, vin: pass.vin, exitDueOn: exitDueOn(pass.entered_on ?? day, pass.allowed_days) },
        });
      }
      return due.length;
    });
    flagged += count;
    if (count < BATCH) return flagged;
  }
}
