import { DEMO_PASSWORD } from '../../src/demo/country.ts';
import { ApiClient } from '../support/client.ts';

const DAY_MS = 86_400_000;
/** Today in Kandara (UTC), and the days around it. */
export const dayFromToday = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

let travellers = 0;
/** A traveller who registers on the portal in their language, signed in. */
export async function registeredTraveller(url: string, displayName: string, locale: 'fr' | 'ar' | 'en'): Promise<ApiClient> {
  const client = new ApiClient(url);
  client.language = locale;
  const email = `traveller-${process.pid}-${(travellers += 1)}@example.test`;
  const registered = await client.request('POST', '/api/auth/register', { email, password: DEMO_PASSWORD, displayName, locale });
  if (registered.status !== 201) throw new Error(JSON.stringify(registered.body));
  await client.login(email);
  return client;
}

/** A North American VIN (check digit X) and a European one (no check digit): valid, distinct vehicles. */
export const VINS = { pickup: '1M8GDM9AXKP042788', golf: 'WVWZZZ1JZXW000001', clio: 'VF1RFB00X56123456' };

export const passRequest = (overrides: { vin?: string; allowedDays?: number; plannedEntryOn?: string; entryOffice?: string } = {}) => ({
  traveller: { name: 'Awa Ndiaye', passportNumber: 'KD7731452', passportCountry: 'KD' },
  vehicle: { vin: overrides.vin ?? VINS.pickup, plate: 'AB-123-CD', registrationCountry: 'FR' },
  entryOffice: overrides.entryOffice ?? 'KDSNB01',
  plannedEntryOn: overrides.plannedEntryOn ?? dayFromToday(0),
  allowedDays: overrides.allowedDays ?? 30,
});
