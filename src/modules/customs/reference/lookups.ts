import type { LocalisedText } from '../../../platform/auth/schema.ts';
import type { Db } from '../../../platform/db/database.ts';
import { cachedFor } from '../cached.ts';
import type { OfficeKind } from './schema.ts';

export interface Country {
  code: string;
  names: LocalisedText;
  currency: string | null;
  communityMember: boolean;
}

export interface Currency {
  code: string;
  numericCode: string;
  /** Digits after the decimal point (ISO 4217): 0 for XOF and JPY, 2 for EUR. */
  minorUnit: number;
  name: string;
}

export interface CustomsOffice {
  code: string;
  kind: OfficeKind;
  unLocode: string;
  names: LocalisedText;
}

export interface KnownCodes {
  countries: ReadonlySet<string>;
  currencies: ReadonlySet<string>;
  offices: ReadonlySet<string>;
}

interface Tables {
  countries: ReadonlyMap<string, Country>;
  currencies: ReadonlyMap<string, Currency>;
  offices: ReadonlyMap<string, CustomsOffice>;
  known: KnownCodes;
}

async function load(db: Db): Promise<Tables> {
  const [countries, currencies, offices] = await Promise.all([
    db.selectFrom('customs_countries').selectAll().orderBy('code').execute(),
    db.selectFrom('customs_currencies').selectAll().orderBy('code').execute(),
    db.selectFrom('customs_offices').selectAll().orderBy('code').execute(),
  ]);
  return {
    countries: new Map(countries.map((c) => [c.code, { code: c.code, names: c.names, currency: c.currency, communityMember: c.community_member }])),
    currencies: new Map(currencies.map((c) => [c.code, { code: c.code, numericCode: c.numeric_code, minorUnit: c.minor_unit, name: c.name }])),
    offices: new Map(offices.map((o) => [o.code, { code: o.code, kind: o.kind, unLocode: o.un_locode, names: o.names }])),
    known: { countries: new Set(countries.map((c) => c.code)), currencies: new Set(currencies.map((c) => c.code)), offices: new Set(offices.map((o) => o.code)) },
  };
}

/**
 * Countries, currencies and customs offices, for validating declarations: small tables that change
 * only when the shipped reference data does (on start), read again at most every `cacheMs`.
 */
export function referenceLookups(db: Db, cacheMs: number) {
  const tables = cachedFor(cacheMs, () => load(db));
  return {
    country: async (code: string) => (await tables.get()).countries.get(code) ?? null,
    currency: async (code: string) => (await tables.get()).currencies.get(code) ?? null,
    office: async (code: string) => (await tables.get()).offices.get(code) ?? null,
    countries: async () => [...(await tables.get()).countries.values()],
    currencies: async () => [...(await tables.get()).currencies.values()],
    offices: async () => [...(await tables.get()).offices.values()],
    /** The codes a declaration may name (declarations' DeclarationReference port). */
    knownCodes: async (): Promise<KnownCodes> => (await tables.get()).known,
    /** Origins whose goods may claim the community preference (`AssessmentContext.communityMembers`). */
    communityMembers: async () => [...(await tables.get()).countries.values()].filter((c) => c.communityMember).map((c) => c.code),
  };
}
