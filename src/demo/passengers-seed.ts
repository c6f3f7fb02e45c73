import { systemContext } from '../platform/audit/record.ts';
import type { Principal } from '../platform/auth/policy.ts';
import type { Db } from '../platform/db/database.ts';
import type { Customs } from '../modules/customs/index.ts';
import type { DocumentService } from '../modules/documents/index.ts';
import { createPassengers, type VehiclePassRequest } from '../modules/passengers/index.ts';

const DAY_MS = 86_400_000;
const SEED = systemContext('demo seed');

interface DemoPass {
  /** The demo account that requested it. */
  email: string;
  request: Omit<VehiclePassRequest, 'plannedEntryOn'>;
  /** Days from today the vehicle plans to enter (negative: in the past). */
  entryOffset: number;
  /** Whether the border post recorded the entry on that day. */
  entered: boolean;
}

/**
 * Three foreign vehicles at the demo's land borders: one overdue (entered 45 days ago for 30),
 * one inside its stay, one not yet arrived; the overdue list of the customs officers' border page
 * shows the first. Each is requested and entered through the passenger module as of its day (a
 * clock set back), so its document, audit entries and dates are what the real flow leaves.
 */
const DEMO_PASSES: DemoPass[] = [
  {
    email: 'moussa.traore@demo.guichet.test',
    request: { traveller: { name: 'Moussa Traoré', passportNumber: 'ML0451278', passportCountry: 'ML' }, vehicle: { vin: 'VF1RFB00X56123456', plate: 'AA-4521-MD', registrationCountry: 'ML' }, entryOffice: 'KDSNB01', allowedDays: 30 },
    entryOffset: -45,
    entered: true,
  },
  {
    email: 'aicha.diallo@demo.guichet.test',
    request: { traveller: { name: 'عائشة ديالو', passportNumber: 'DZ2231984', passportCountry: 'DZ' }, vehicle: { vin: '1M8GDM9AXKP042788', plate: '01234-116-16', registrationCountry: 'DZ' }, entryOffice: 'KDTKO01', allowedDays: 60 },
    entryOffset: -10,
    entered: true,
  },
  {
    email: 'awa.ndiaye@demo.guichet.test',
    request: { traveller: { name: 'Awa Ndiaye', passportNumber: 'SN7731452', passportCountry: 'SN' }, vehicle: { vin: 'WVWZZZ1JZXW000001', plate: 'DK-2231-AB', registrationCountry: 'SN' }, entryOffice: 'KDWAL01', allowedDays: 90 },
    entryOffset: 5,
    entered: false,
  },
];

const principalOf = (id: string, label: string, grants: Principal['grants']): Principal => ({ kind: 'user', id, label, grants, companyId: null, mfaPending: false });

/** The demo's vehicle passes, once: a vehicle that already has a pass is left as it is. Called after the platform is built (it signs documents). */
export async function seedDemoPassengers(db: Db, deps: { documents: DocumentService; reference: Customs['reference'] }): Promise<number> {
  const existing = new Set((await db.selectFrom('vehicle_passes').select('vin').where('vin', 'in', DEMO_PASSES.map((p) => p.request.vehicle.vin)).execute()).map((r) => r.vin));
  const customs = await db.selectFrom('agencies').select('id').where('code', '=', 'CUSTOMS').executeTakeFirstOrThrow();
  const officer = await db.selectFrom('users').select(['id', 'display_name']).where('email', '=', 'karim.benali@demo.guichet.test').executeTakeFirstOrThrow();
  const border = principalOf(officer.id, officer.display_name, [{ role: 'officer', agencyId: customs.id }]);
  let created = 0;
  for (const demo of DEMO_PASSES) {
    if (existing.has(demo.request.vehicle.vin)) continue;
    const traveller = await db.selectFrom('users').select(['id', 'display_name']).where('email', '=', demo.email).executeTakeFirstOrThrow();
    // Requested the day before travel, or today for a trip to come.
    const entryDay = new Date(Date.now() + demo.entryOffset * DAY_MS);
    const requestedAt = demo.entryOffset < 0 ? new Date(entryDay.getTime() - DAY_MS) : new Date();
    const asOf = (at: Date) => createPassengers({ db, documents: deps.documents, reference: deps.reference, env: {}, now: () => at });
    const pass = await asOf(requestedAt).passes.requestPass(principalOf(traveller.id, traveller.display_name, [{ role: 'applicant', agencyId: null }]), SEED, { ...demo.request, plannedEntryOn: entryDay.toISOString().slice(0, 10) });
    if (demo.entered) await asOf(entryDay).passes.recordEntry(border, SEED, pass.id, demo.request.entryOffice);
    created += 1;
  }
  await createPassengers({ db, documents: deps.documents, reference: deps.reference, env: {} }).flagOverdue();
  return created;
}
