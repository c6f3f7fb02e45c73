import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagOverdueVehicles } from '../../src/modules/passengers/index.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { startCustomsApp } from '../support/customs.ts';
import { download, scanQr } from '../documents/support.ts';
import { dayFromToday, passRequest, registeredTraveller, VINS } from './support.ts';

let platform: TestApp;
let traveller: ApiClient;
let officer: ApiClient;
const db = () => platform.database.db;

beforeAll(async () => {
  platform = await startCustomsApp();
  traveller = await registeredTraveller(platform.url, 'Awa Ndiaye', 'fr');
  // Karim Ben Ali, customs officer at the border posts (signed in in English to read the refusals).
  officer = await signedIn(platform.url, 'karim.benali', 'en');
});
afterAll(async () => {
  await platform?.close();
});

const auditOf = (recordId: string) =>
  db().selectFrom('audit_entries').select(['action', 'actor_type', 'details']).where('record_type', '=', 'vehicle_pass').where('record_id', '=', recordId).orderBy('seq').execute();

describe('a vehicle temporary-admission pass', () => {
  it('is issued with a QR that verifies, enters once, is flagged overdue past its stay, and exit closes it keeping the flag', async () => {
    const requested = await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: '1m8gdm9a-xkp042788', allowedDays: 30 }));
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const pass = requested.body;
    expect(pass).toMatchObject({ state: 'issued', overdue: false, vehicle: { vin: VINS.pickup, plate: 'AB-123-CD' }, entryOffice: 'KDSNB01', allowedDays: 30, documentNumber: expect.stringMatching(/^CUSTOMS-\d{4}-\d{6}$/) });

    // The traveller downloads the pass; the QR printed on it verifies at /api/verify and at the border.
    const file = await download(traveller, pass.documentId);
    expect(file.status).toBe(200);
    const payload = await scanQr(file.pdf);
    const verified = await traveller.request('POST', '/api/verify', { payload });
    expect(verified.body).toMatchObject({ status: 'valid', document: { id: pass.documentId, type: 'vehicle_temporary_admission', issuer: { agencyCode: 'CUSTOMS' }, holder: { name: 'Awa Ndiaye', id: 'KD7731452' } } });
    expect(verified.body.document.fields[0]).toMatchObject({ label: { fr: "Numéro d'identification du véhicule (VIN)" }, value: VINS.pickup });
    const scanned = await officer.request('POST', '/api/passengers/border/scan', { payload });
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ verification: { status: 'valid' }, vehiclePass: { id: pass.id, state: 'issued' }, currencyDeclaration: null });

    const entered = await officer.request('POST', `/api/passengers/vehicle-passes/${pass.id}/entry`, { officeCode: 'KDSNB01' });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body).toMatchObject({ state: 'entered', enteredOn: dayFromToday(0), enteredAtOffice: 'KDSNB01', exitDueOn: dayFromToday(30) });
    const again = await officer.request('POST', `/api/passengers/vehicle-passes/${pass.id}/entry`, { officeCode: 'KDSNB01' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'vehicle_pass_already_entered', message: `The entry of pass ${pass.documentNumber} is already recorded (on ${dayFromToday(0)}).` });

    // The job runs as of a given day: on the last allowed day nothing; the day after, flagged once.
    expect(await flagOverdueVehicles(db(), dayFromToday(30))).toBe(0);
    expect(await flagOverdueVehicles(db(), dayFromToday(31))).toBe(1);
    expect(await flagOverdueVehicles(db(), dayFromToday(32))).toBe(0);
    const overdue = await officer.request('GET', '/api/passengers/vehicle-passes/overdue');
    expect(overdue.body.items.map((p: { id: string }) => p.id)).toEqual([pass.id]);
    expect(overdue.body.items[0]).toMatchObject({ overdue: true, overdueOn: dayFromToday(31), state: 'entered' });

    const exited = await officer.request('POST', `/api/passengers/vehicle-passes/${pass.id}/exit`, { officeCode: 'KDTKO01' });
    expect(exited.status).toBe(200);
    expect(exited.body).toMatchObject({ state: 'exited', exitedAtOffice: 'KDTKO01', overdue: true, overdueOn: dayFromToday(31) });
    expect((await officer.request('GET', '/api/passengers/vehicle-passes/overdue')).body.items).toEqual([]);
    expect((await officer.request('GET', '/api/passengers/vehicle-passes/overdue?includeClosed=true')).body.items.map((p: { id: string }) => p.id)).toEqual([pass.id]);
    expect((await officer.request('POST', `/api/passengers/vehicle-passes/${pass.id}/exit`, { officeCode: 'KDTKO01' })).body.error.code).toBe('vehicle_pass_closed');

    const trail = await auditOf(pass.id);
    expect(trail.map((e) => e.action)).toEqual(['passengers.vehicle_pass.issued', 'passengers.vehicle_pass.entered', 'passengers.vehicle_pass.overdue', 'passengers.vehicle_pass.exited']);
    expect(trail[2]).toMatchObject({ actor_type: 'system', details: { exitDueOn: dayFromToday(30) } });

    // Closed, the vehicle may come back on a new pass; the traveller sees both.
    expect((await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest())).status).toBe(201);
    expect((await traveller.request('GET', '/api/passengers/vehicle-passes')).body.items.map((p: { state: string }) => p.state)).toEqual(['issued', 'exited']);
  });

  it('refuses a VIN that is not ISO 3779, pointing at the field, in the caller\'s language, and stores nothing', async () => {
    const before = await db().selectFrom('vehicle_passes').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    traveller.language = 'en';
    const wrongCheckDigit = await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: '1M8GDM9A1KP042788' }));
    expect(wrongCheckDigit.status).toBe(422);
    expect(wrongCheckDigit.body.error).toMatchObject({
      code: 'vin_check_digit',
      message: "The VIN's check digit (9th character) should be X, not 1: check the number on the registration certificate.",
      details: { fields: [{ path: 'vehicle.vin', code: 'vin_check_digit' }] },
    });
    traveller.language = 'ar';
    const letterO = await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: 'WVWZZZ1JZXW0O0001' }));
    expect(letterO.status).toBe(422);
    expect(letterO.body.error).toMatchObject({ code: 'vin_character', message: expect.stringContaining('(الموضع 13)'), details: { fields: [{ path: 'vehicle.vin' }] } });
    traveller.language = 'fr';
    const short = await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: 'WVWZZZ1JZXW00001' }));
    expect(short.body.error).toMatchObject({ code: 'vin_length', message: "Le numéro d'identification du véhicule (VIN) compte 17 caractères ; celui-ci en a 16." });
    const tooLong = await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: VINS.clio, allowedDays: 91 }));
    expect(tooLong.body.error).toMatchObject({ code: 'vehicle_pass_stay_too_long', details: { fields: [{ path: 'allowedDays' }] } });
    const airport = await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: VINS.clio, entryOffice: 'KDKIA01' }));
    expect(airport.body.error).toMatchObject({ code: 'passengers_office_not_crossing', details: { fields: [{ path: 'entryOffice' }] } });
    const after = await db().selectFrom('vehicle_passes').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a second open pass for the same vehicle, even through another account', async () => {
    const first = await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: VINS.golf }));
    expect(first.status).toBe(201);
    const relative = await registeredTraveller(platform.url, 'Moussa Ndiaye', 'en');
    const second = await relative.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: 'wvwzzz1jzxw000001' }));
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: 'vehicle_pass_vin_open',
      message: `Vehicle ${VINS.golf} already has an open pass (${first.body.documentNumber}): it must exit before another is issued.`,
      details: { fields: [{ path: 'vehicle.vin' }] },
    });
    // Two requests at once for another vehicle: the database's unique index lets one through.
    const racing = await Promise.all([traveller, relative].map((client) => client.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: '11111111111111111' }))));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('lets only customs officers record crossings and read the overdue list, and only travellers request passes', async () => {
    const pass = (await traveller.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: VINS.clio }))).body;
    const commerceOfficer = await signedIn(platform.url, 'fatou.sow', 'en');
    const byTraveller = await traveller.request('POST', `/api/passengers/vehicle-passes/${pass.id}/entry`, { officeCode: 'KDSNB01' });
    expect(byTraveller.status).toBe(403);
    expect(byTraveller.body.error.code).toBe('forbidden');
    const byCommerce = await commerceOfficer.request('POST', `/api/passengers/vehicle-passes/${pass.id}/entry`, { officeCode: 'KDSNB01' });
    expect(byCommerce.status).toBe(403);
    expect(byCommerce.body.error.code).toBe('forbidden_agency');
    expect((await commerceOfficer.request('GET', '/api/passengers/vehicle-passes/overdue')).status).toBe(403);
    expect((await traveller.request('GET', '/api/passengers/vehicle-passes/overdue')).status).toBe(403);
    expect((await officer.request('POST', '/api/passengers/vehicle-passes', passRequest({ vin: VINS.clio }))).status).toBe(403);
    // Refused crossings leave the pass as it was.
    const still = (await traveller.request('GET', '/api/passengers/vehicle-passes')).body.items.find((p: { id: string }) => p.id === pass.id);
    expect(still).toMatchObject({ state: 'issued', enteredOn: null });
  });
});
