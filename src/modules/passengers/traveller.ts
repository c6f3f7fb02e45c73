import { fieldError } from '../../platform/http/errors.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Customs } from '../customs/index.ts';
import { addDays } from './vehicle-stay.ts';

/** The traveller as their passport names them (they may travel for someone else's account: a family car). */
export interface TravellerInput {
  name: string;
  passportNumber: string;
  /** ISO 3166-1 alpha-2 */
  passportCountry: string;
}

export type PassengerReference = Pick<Customs['reference'], 'office' | 'country' | 'currency' | 'exchangeRatesOn' | 'nationalCurrency'>;

/** Offices a traveller may cross at: land border posts and ports (ferries). Airports take no cars, and cash declared there goes through the airport office too. */
const CROSSING_KINDS: Record<'vehicle' | 'cash', readonly string[]> = { vehicle: ['land_border', 'port'], cash: ['land_border', 'port', 'airport'] };

/** A customs office from the reference data where this crossing can happen, or a refusal at `path`. */
export async function crossingOffice(reference: PassengerReference, code: string, path: string, crossing: 'vehicle' | 'cash') {
  const office = await reference.office(code);
  if (!office) throw fieldError(422, 'passengers_office_unknown', path, { code });
  if (!CROSSING_KINDS[crossing].includes(office.kind)) throw fieldError(422, 'passengers_office_not_crossing', path, { code });
  return office;
}

export async function knownCountry(reference: PassengerReference, code: string, path: string): Promise<string> {
  if (!(await reference.country(code))) throw fieldError(422, 'passengers_country_unknown', path, { code });
  return code;
}

/** The traveller block, trimmed and checked against the country list. */
export async function travellerOf(reference: PassengerReference, input: TravellerInput): Promise<TravellerInput> {
  return {
    name: input.name.replace(/\s+/g, ' ').trim(),
    passportNumber: input.passportNumber.toUpperCase(),
    passportCountry: await knownCountry(reference, input.passportCountry, 'traveller.passportCountry'),
  };
}

/** A travel day from today up to `maxAhead` days later, or a refusal at `path` naming the window. */
export function travelDay(day: string, today: string, maxAhead: number, path: string): string {
  const until = addDays(today, maxAhead);
  if (day < today || day > until) throw fieldError(422, 'passengers_travel_day', path, { from: today, until });
  return day;
}

/** The language of the account: documents are issued in it (fr, ar or en). */
export async function accountOf(db: Db, userId: string): Promise<{ id: string; language: Locale }> {
  const row = await db.selectFrom('users').select(['id', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { id: row.id, language: isLocale(row.locale) ? row.locale : 'fr' };
}
