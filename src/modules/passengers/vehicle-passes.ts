import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, fieldError, notFound } from '../../platform/http/errors.ts';
import { today } from '../cases/index.ts';
import { normaliseVin } from '../customs/index.ts';
import { issuedDocument, type DocumentService } from '../documents/index.ts';
import type { PassengersConfig } from './config.ts';
import { CUSTOMS_AGENCY, vehiclePassDocument } from './passenger-documents.ts';
import { customsAgencyId, passRows, vehiclePassOf, type VehiclePass } from './store.ts';
import { accountOf, crossingOffice, knownCountry, travelDay, travellerOf, type PassengerReference, type TravellerInput } from './traveller.ts';
import { assertMayEnter, assertMayExit } from './vehicle-stay.ts';

export interface VehiclePassRequest {
  traveller: TravellerInput;
  vehicle: { vin: string; plate: string; registrationCountry: string };
  entryOffice: string;
  plannedEntryOn: string;
  allowedDays: number;
}

export interface PassengersDeps {
  db: Db;
  documents: Pick<DocumentService, 'prepareDocument' | 'verify'>;
  reference: PassengerReference;
  config: PassengersConfig;
  now: () => Date;
}

/** A pass may be requested up to this many days before the vehicle travels. */
const PLANNED_ENTRY_MAX_AHEAD = 90;

/**
 * Vehicle temporary-admission passes: requested online by the traveller before travel, issued at
 * once as a signed document with a QR code, then used at the border where customs officers record
 * the vehicle's entry and exit. Every change is one transaction ending with its audit entry.
 */
export function vehiclePasses(deps: PassengersDeps) {
  const { db, documents, reference, config } = deps;
  const customsId = () => customsAgencyId(db, CUSTOMS_AGENCY);

  const openPassOf = (vin: string) => passRows(db).where('vin', '=', vin).where('state', 'in', ['issued', 'entered']).executeTakeFirst();
  const vinTaken = (vin: string, number: string) => fieldError(409, 'vehicle_pass_vin_open', 'vehicle.vin', { vin, number });

  async function requestPass(principal: Principal, context: ChangeContext, input: VehiclePassRequest): Promise<VehiclePass> {
    const now = deps.now();
    const vin = normaliseVin(input.vehicle.vin);
    if (input.allowedDays > config.vehicleMaxDays) throw fieldError(422, 'vehicle_pass_stay_too_long', 'allowedDays', { max: config.vehicleMaxDays });
    const traveller = await travellerOf(reference, input.traveller);
    const registrationCountry = await knownCountry(reference, input.vehicle.registrationCountry, 'vehicle.registrationCountry');
    const office = await crossingOffice(reference, input.entryOffice, 'entryOffice', 'vehicle');
    const plannedEntryOn = travelDay(input.plannedEntryOn, today(now), PLANNED_ENTRY_MAX_AHEAD, 'plannedEntryOn');
    // Refused before signing and rendering when it can be; the unique index decides a race.
    const open = await openPassOf(vin);
    if (open) throw vinTaken(vin, open.document_number);
    const account = await accountOf(db, principal.id);
    const plate = input.vehicle.plate.toUpperCase().replace(/\s+/g, ' ').trim();
    const facts = { traveller, accountId: account.id, vin, plate, registrationCountry, office, plannedEntryOn, allowedDays: input.allowedDays };
    const prepared = await documents.prepareDocument(vehiclePassDocument(facts, account.language), context, now);
    const agencyId = await customsId();
    const row = await db.transaction().execute(async (trx) => {
      await prepared.record(trx, { vin });
      const inserted = await trx
        .insertInto('vehicle_passes')
        .values({
          document_id: prepared.id,
          document_number: prepared.number,
          traveller_id: account.id,
          traveller_name: traveller.name,
          passport_number: traveller.passportNumber,
          passport_country: traveller.passportCountry,
          vin,
          plate,
          registration_country: registrationCountry,
          entry_office: office.code,
          planned_entry_on: plannedEntryOn,
          allowed_days: input.allowedDays,
          state: 'issued',
        })
        .onConflict((oc) => oc.column('vin').where('state', 'in', ['issued', 'entered']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) throw vinTaken(vin, (await passRows(trx).where('vin', '=', vin).where('state', 'in', ['issued', 'entered']).executeTakeFirst())?.document_number ?? '');
      await recordAudit(trx, context, {
        action: 'passengers.vehicle_pass.issued',
        recordType: 'vehicle_pass',
        recordId: inserted.id,
        agencyId,
        after: { vin, plate, entryOffice: office.code, plannedEntryOn, allowedDays: input.allowedDays, documentNumber: prepared.number },
        details: { number: prepared.number, vin },
      });
      return inserted;
    });
    return vehiclePassOf(row);
  }

  async function myPasses(principal: Principal): Promise<VehiclePass[]> {
    const rows = await passRows(db).where('traveller_id', '=', principal.id).orderBy('created_at', 'desc').limit(100).execute();
    return rows.map(vehiclePassOf);
  }

  async function assertBorderOfficer(principal: Principal): Promise<string> {
    const agencyId = await customsId();
    assertAllowed(principal, 'passengers.border', { agencyId });
    return agencyId;
  }

  async function passOfDocument(principal: Principal, documentId: string): Promise<VehiclePass | null> {
    await assertBorderOfficer(principal);
    const row = await passRows(db).where('document_id', '=', documentId).executeTakeFirst();
    return row ? vehiclePassOf(row) : null;
  }

  /**
   * Entry or exit, recorded by a customs officer at the office where they stand. The pass row is
   * locked, so two officers scanning the same car at once record one crossing and the other hears
   * the 409 saying when it was recorded.
   */
  async function recordCrossing(principal: Principal, context: ChangeContext, passId: string, officeCode: string, crossing: 'entry' | 'exit'): Promise<VehiclePass> {
    const agencyId = await assertBorderOfficer(principal);
    const office = await crossingOffice(reference, officeCode, 'officeCode', 'vehicle');
    const day = today(deps.now());
    const row = await db.transaction().execute(async (trx) => {
      const pass = await passRows(trx).where('id', '=', passId).forUpdate().executeTakeFirst();
      if (!pass) throw notFound('vehicle_pass', passId);
      const facts = { number: pass.document_number, state: pass.state, plannedEntryOn: pass.planned_entry_on, enteredOn: pass.entered_on, exitedOn: pass.exited_on };
      if (crossing === 'entry') {
        assertMayEnter(facts, day);
        const document = await issuedDocument(trx, pass.document_id);
        if (document?.revokedAt) throw conflict('vehicle_pass_revoked', { number: pass.document_number, reason: document.revocationReason });
      } else {
        assertMayExit(facts);
      }
      const changes = crossing === 'entry' ? { state: 'entered' as const, entered_on: day, entered_at_office: office.code } : { state: 'exited' as const, exited_on: day, exited_at_office: office.code };
      const updated = await trx.updateTable('vehicle_passes').set(changes).where('id', '=', passId).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, context, {
        action: crossing === 'entry' ? 'passengers.vehicle_pass.entered' : 'passengers.vehicle_pass.exited',
        recordType: 'vehicle_pass',
        recordId: passId,
        agencyId,
        before: { state: pass.state },
        after: { state: updated.state, day, office: office.code, overdue: updated.overdue_on !== null },
        details: { number: pass.document_number, vin: pass.vin, office: office.code },
      });
      return updated;
    });
    return vehiclePassOf(row);
  }

  /** Vehicles flagged overdue and still in the country; with `includeClosed`, those that have left since too. */
  async function overdueVehicles(principal: Principal, includeClosed = false): Promise<VehiclePass[]> {
    await assertBorderOfficer(principal);
    let query = passRows(db).where('overdue_on', 'is not', null);
    if (!includeClosed) query = query.where('state', '=', 'entered');
    const rows = await query.orderBy('overdue_on').orderBy('entered_on').limit(500).execute();
    return rows.map(vehiclePassOf);
  }

  return {
    assertBorderOfficer,
    requestPass,
    myPasses,
    passOfDocument,
    recordEntry: (principal: Principal, context: ChangeContext, passId: string, officeCode: string) => recordCrossing(principal, context, passId, officeCode, 'entry'),
    recordExit: (principal: Principal, context: ChangeContext, passId: string, officeCode: string) => recordCrossing(principal, context, passId, officeCode, 'exit'),
    overdueVehicles,
  };
}

export type VehiclePasses = ReturnType<typeof vehiclePasses>;
