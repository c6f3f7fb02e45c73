import type { LocalisedText } from '../../platform/auth/schema.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import { formatAmount, formatDay, localised, type DirectDocument, type PrintedField } from '../documents/index.ts';
import type { CustomsOffice } from '../customs/index.ts';
import type { Conversion } from './currency-conversion.ts';
import type { TravellerInput } from './traveller.ts';

export const VEHICLE_PASS_TYPE = 'vehicle_temporary_admission';
export const CURRENCY_DECLARATION_TYPE = 'currency_declaration';
/** Both are the customs administration's, signed with its key. */
export const CUSTOMS_AGENCY = 'CUSTOMS';

const numbered = (label: LocalisedText, ordinal: number | null): LocalisedText =>
  ordinal === null ? label : { fr: `${label.fr} (${ordinal})`, ar: `${label.ar} (${ordinal})`, en: `${label.en} (${ordinal})` };

const officeName = (office: CustomsOffice, language: Locale) => `${office.names[language]} (${office.code})`;

export interface VehiclePassFacts {
  traveller: TravellerInput;
  accountId: string;
  vin: string;
  plate: string;
  registrationCountry: string;
  office: CustomsOffice;
  plannedEntryOn: string;
  allowedDays: number;
}

/**
 * The temporary-admission pass a traveller shows at the border. Its first lines are what the QR
 * signs (documents' key fields): the vehicle (VIN, plate), the allowed stay, where and when it
 * enters. It has no end date: the stay runs from the day the vehicle enters, which the officer
 * records; the pass's state (entered, exited, overdue) is read at the border, not printed.
 */
export function vehiclePassDocument(facts: VehiclePassFacts, language: Locale): DirectDocument {
  const line = (key: string, value: string): PrintedField => ({ label: localised(`passengers.vehiclePass.${key}`), value });
  return {
    agencyCode: CUSTOMS_AGENCY,
    type: VEHICLE_PASS_TYPE,
    title: localised('passengers.vehiclePass.title'),
    language,
    holder: { name: facts.traveller.name, id: facts.traveller.passportNumber, accountId: facts.accountId },
    fields: [
      line('vin', facts.vin),
      line('plate', `${facts.plate} (${facts.registrationCountry})`),
      line('allowedStay', String(facts.allowedDays)),
      line('plannedEntry', formatDay(facts.plannedEntryOn, language)),
      line('entryOffice', officeName(facts.office, language)),
      line('passport', `${facts.traveller.passportNumber} (${facts.traveller.passportCountry})`),
    ],
    validFrom: facts.plannedEntryOn,
    validUntil: null,
  };
}

export interface CurrencyDeclarationFacts {
  traveller: TravellerInput;
  accountId: string;
  direction: 'entry' | 'exit';
  office: CustomsOffice;
  declaredOn: string;
  travelOn: string;
  conversion: Conversion;
  nationalCurrency: string;
}

/**
 * The foreign-currency declaration: the direction, the total in national currency at the rates of
 * the day it was declared, then each currency with its rate, so the total can be checked by hand.
 * Valid from the day declared until the day of travel.
 */
export function currencyDeclarationDocument(facts: CurrencyDeclarationFacts, language: Locale): DirectDocument {
  const line = (key: string, value: string): PrintedField => ({ label: localised(`passengers.currency.${key}`), value });
  const several = facts.conversion.lines.length > 1;
  return {
    agencyCode: CUSTOMS_AGENCY,
    type: CURRENCY_DECLARATION_TYPE,
    title: localised('passengers.currency.title'),
    language,
    holder: { name: facts.traveller.name, id: facts.traveller.passportNumber, accountId: facts.accountId },
    fields: [
      line('direction', translate(language, `passengers.currency.${facts.direction}`)),
      line('total', formatAmount(facts.conversion.totalNational, facts.nationalCurrency, language)),
      line('travelOn', formatDay(facts.travelOn, language)),
      line('office', officeName(facts.office, language)),
      // Three lines a currency, each value a number and a code: a line mixing several reads out of order right to left.
      ...facts.conversion.lines.flatMap((l, index) => {
        const ordinal = several ? index + 1 : null;
        return [
          { label: numbered(localised('passengers.currency.amount'), ordinal), value: formatAmount(Number(l.amount), l.currency, language) },
          { label: numbered(localised('passengers.currency.rate'), ordinal), value: l.rate },
          { label: numbered(localised('passengers.currency.national'), ordinal), value: formatAmount(l.national, facts.nationalCurrency, language) },
        ];
      }),
      line('rateDay', formatDay(facts.declaredOn, language)),
      line('passport', `${facts.traveller.passportNumber} (${facts.traveller.passportCountry})`),
    ],
    validFrom: facts.declaredOn,
    validUntil: facts.travelOn,
  };
}
