import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vehicleClearanceRules } from '../../src/modules/customs/reference/vehicle-rules.ts';
import { vehicleAge } from '../../src/modules/customs/assessment/vehicle.ts';
import type { DeclarationInput } from '../../src/modules/customs/declarations/types.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import type { TestApp } from '../support/app.ts';
import { cementItem, declarationOf, startCustomsApp } from '../support/customs.ts';

let platform: TestApp;
let broker: ApiClient;
beforeAll(async () => {
  platform = await startCustomsApp();
  broker = await signedIn(platform.url, 'ousmane.diop', 'en');
});
afterAll(async () => platform?.close());

const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const OWNER = { taxId: 'KD-NIN-1985-044172', name: 'Aminata Sow', country: 'KD' };

/** A returning resident's saloon car, shipped from Antwerp. */
const carClearance = (firstRegistrationYear: number, vehicle: Record<string, unknown> = {}): DeclarationInput =>
  declarationOf({
    regime: 'vehicle_clearance',
    importer: OWNER,
    exporter: { taxId: 'BE-0403170701', name: 'Antwerp Car Export BV', country: 'BE' },
    transport: { mode: 'sea', dispatchCountry: 'BE', containers: [], transportDocument: 'GRIM-ANR-2026-0091' },
    invoiceCurrency: 'EUR',
    items: [
      cementItem({
        hsCode: '8703.23.00.00',
        description: 'Used saloon car, petrol, 1,998 cm³',
        origin: 'DE',
        quantity: { amount: '1', unit: 'NAR' },
        grossMassKg: '1420',
        netMassKg: '1420',
        customsValue: '8000',
        vehicle: { vin: 'WVWZZZ1KZ7W012345', firstRegistrationYear, engineCapacityCc: 1998, ...vehicle },
      }),
    ],
  });

const fields = (body: { error: { details?: unknown } }) =>
  (body.error.details as { fields: { path: string; code: string }[] }).fields.map((f) => `${f.path} ${f.code}`);

describe('passenger car clearance', () => {
  it('writes the car value down by its age and adds the surcharge of an old car, as the shipped rules say', async () => {
    const rules = await vehicleClearanceRules();
    const lodged = await broker.request('POST', '/api/customs/declarations', carClearance(year - 7));
    expect(lodged.status).toBe(201);
    const [item] = lodged.body.assessment.items;
    const rate = Number(item.customsValue.rate);
    const converted = Math.round(8000 * rate);
    const percent = [...rules.depreciation].reverse().find((s) => vehicleAge(year - 7, today) >= s.fromYears)!.percent;
    expect(item.customsValue.national).toBe(converted - Math.round((converted * percent) / 100));
    const surcharge = item.lines.find((l: { code: string }) => l.code === 'vehicle_surcharge');
    expect(surcharge.basis).toEqual({ kind: 'ad_valorem', base: item.customsValue.national, percent: String(rules.surcharge.percent) });
    expect(lodged.body.declaration.transport.transportDocument).toBe('GRIM-ANR-2026-0091');
  });

  it('refuses a car that is too old, a second item, another heading and a bad VIN, each at its field, storing nothing', async () => {
    const tooOld = await broker.request('POST', '/api/customs/declarations', carClearance(year - 11));
    expect(tooOld.status).toBe(422);
    expect(fields(tooOld.body)).toEqual(['items[0].vehicle.firstRegistrationYear declaration_vehicle_too_old']);

    const wrong = carClearance(year - 2, { vin: 'WVWZZZ1KZ7WO12345' });
    wrong.items = [{ ...wrong.items[0]!, hsCode: '8704.21.00.00' }, cementItem()];
    const refused = await broker.request('POST', '/api/customs/declarations', wrong);
    expect(refused.status).toBe(422);
    expect(fields(refused.body).sort()).toEqual(['items declaration_vehicle_one_item', 'items[0].hsCode declaration_vehicle_heading', 'items[0].vehicle.vin vin_character']);

    const carOnImport = declarationOf({ items: [cementItem({ vehicle: { vin: 'WVWZZZ1KZ7W012345', firstRegistrationYear: year } })] });
    const unexpected = await broker.request('POST', '/api/customs/declarations', carOnImport);
    expect(fields(unexpected.body)).toEqual(['items[0].vehicle declaration_vehicle_unexpected']);

    const mine = await broker.request('GET', '/api/customs/declarations?limit=100');
    expect(JSON.stringify(mine.body)).not.toContain('WVWZZZ1KZ7WO12345');
  });
});
