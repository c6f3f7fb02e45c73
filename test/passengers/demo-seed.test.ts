import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPassengers } from '../../src/demo/passengers-seed.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import { startCustomsApp } from '../support/customs.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startCustomsApp();
});
afterAll(async () => {
  await platform?.close();
});

describe('the demo border', () => {
  it('seeds three vehicle passes once, one of them on the overdue list', async () => {
    const deps = { documents: platform.documents, reference: platform.customs.reference };
    expect(await seedDemoPassengers(platform.database.db, deps)).toBe(3);
    expect(await seedDemoPassengers(platform.database.db, deps)).toBe(0);
    const officer = await signedIn(platform.url, 'karim.benali');
    const overdue = await officer.request('GET', '/api/passengers/vehicle-passes/overdue');
    expect(overdue.body.items).toHaveLength(1);
    expect(overdue.body.items[0]).toMatchObject({ traveller: { name: 'Moussa Traoré' }, state: 'entered', overdue: true, allowedDays: 30 });
    const aicha = await signedIn(platform.url, 'aicha.diallo');
    expect((await aicha.request('GET', '/api/passengers/vehicle-passes')).body.items).toMatchObject([{ state: 'entered', overdue: false }]);
  });
});
