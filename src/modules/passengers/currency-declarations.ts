import type { Selectable } from 'kysely';
import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import { assertAllowed, type Principal } from '../../platform/auth/policy.ts';
import { jsonb } from '../../platform/db/json.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { today } from '../cases/index.ts';
import { convertCarried, declarationRequired, type CarriedAmount, type ConvertedAmount } from './currency-conversion.ts';
import { CUSTOMS_AGENCY, currencyDeclarationDocument } from './passenger-documents.ts';
import type { CurrencyDeclarationsTable } from './schema.ts';
import { customsAgencyId } from './store.ts';
import { accountOf, crossingOffice, travelDay, travellerOf, type TravellerInput } from './traveller.ts';
import type { PassengersDeps } from './vehicle-passes.ts';

export interface CurrencyDeclarationRequest {
  traveller: TravellerInput;
  direction: 'entry' | 'exit';
  office: string;
  travelOn: string;
  amounts: CarriedAmount[];
}

export interface CurrencyDeclaration {
  id: string;
  documentId: string;
  documentNumber: string;
  traveller: { name: string; passportNumber: string; passportCountry: string };
  direction: 'entry' | 'exit';
  office: string;
  declaredOn: string;
  amounts: ConvertedAmount[];
  nationalCurrency: string;
  totalNational: number;
}

/**
 * What a traveller hears: below the threshold nothing is to be declared (an answer, not an
 * error, with the conversion that shows why); from it on, the declaration issued.
 */
export type CurrencyAnswer =
  | { required: false; threshold: number; nationalCurrency: string; ratesOn: string; amounts: ConvertedAmount[]; totalNational: number }
  | { required: true; threshold: number; declaration: CurrencyDeclaration };

/** A declaration covers one crossing, declared at most this many days before it. */
const TRAVEL_MAX_AHEAD = 30;

const declarationOf = (row: Selectable<CurrencyDeclarationsTable>): CurrencyDeclaration => ({
  id: row.id,
  documentId: row.document_id,
  documentNumber: row.document_number,
  traveller: { name: row.traveller_name, passportNumber: row.passport_number, passportCountry: row.passport_country },
  direction: row.direction,
  office: row.office,
  declaredOn: row.declared_on,
  amounts: row.amounts,
  nationalCurrency: row.national_currency,
  totalNational: Number(row.total_national),
});

/**
 * Electronic foreign-currency declarations: the cash a traveller carries in or out, converted at
 * the customs rates of the day it is declared, issued as a signed document when the total reaches
 * the national threshold (config.ts).
 */
export function currencyDeclarations(deps: PassengersDeps) {
  const { db, documents, reference, config } = deps;

  /** Each amount in a known foreign currency, once, with no more decimals than the currency has (ISO 4217 minor unit). */
  async function checkedAmounts(amounts: readonly CarriedAmount[]): Promise<CarriedAmount[]> {
    const seen = new Set<string>();
    return Promise.all(
      amounts.map(async ({ currency, amount }, index) => {
        const path = `amounts[${index}]`;
        const known = await reference.currency(currency);
        if (!known) throw fieldError(422, 'currency_unknown', `${path}.currency`, { currency });
        if (currency === reference.nationalCurrency) throw fieldError(422, 'currency_declaration_national', `${path}.currency`, { currency });
        if (seen.has(currency)) throw fieldError(422, 'currency_declaration_repeated', `${path}.currency`, { currency });
        seen.add(currency);
        const decimals = amount.split('.')[1]?.length ?? 0;
        if (decimals > known.minorUnit) throw fieldError(422, 'currency_amount_precision', `${path}.amount`, { currency, digits: known.minorUnit });
        return { currency, amount };
      }),
    );
  }

  async function declare(principal: Principal, context: ChangeContext, input: CurrencyDeclarationRequest): Promise<CurrencyAnswer> {
    const now = deps.now();
    const declaredOn = today(now);
    const traveller = await travellerOf(reference, input.traveller);
    const office = await crossingOffice(reference, input.office, 'office', 'cash');
    const travelOn = travelDay(input.travelOn, declaredOn, TRAVEL_MAX_AHEAD, 'travelOn');
    const amounts = await checkedAmounts(input.amounts);
    const rates = await reference.exchangeRatesOn(declaredOn, amounts.map((a) => a.currency), 'amounts');
    const conversion = convertCarried(amounts, rates);
    const nationalCurrency = reference.nationalCurrency;
    if (!declarationRequired(conversion, config.currencyThreshold)) {
      return { required: false, threshold: config.currencyThreshold, nationalCurrency, ratesOn: declaredOn, amounts: conversion.lines, totalNational: conversion.totalNational };
    }
    const account = await accountOf(db, principal.id);
    const facts = { traveller, accountId: account.id, direction: input.direction, office, declaredOn, travelOn, conversion, nationalCurrency };
    const prepared = await documents.prepareDocument(currencyDeclarationDocument(facts, account.language), context, now);
    const agencyId = await customsAgencyId(db, CUSTOMS_AGENCY);
    const row = await db.transaction().execute(async (trx) => {
      await prepared.record(trx, { direction: input.direction, totalNational: conversion.totalNational });
      const inserted = await trx
        .insertInto('currency_declarations')
        .values({
          document_id: prepared.id,
          document_number: prepared.number,
          traveller_id: account.id,
          traveller_name: traveller.name,
          passport_number: traveller.passportNumber,
          passport_country: traveller.passportCountry,
          direction: input.direction,
          office: office.code,
          declared_on: declaredOn,
          amounts: jsonb(conversion.lines),
          national_currency: nationalCurrency,
          total_national: conversion.totalNational,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, context, {
        action: 'passengers.currency_declaration.issued',
        recordType: 'currency_declaration',
        recordId: inserted.id,
        agencyId,
        after: { direction: input.direction, office: office.code, amounts: conversion.lines, totalNational: conversion.totalNational, documentNumber: prepared.number },
        details: { number: prepared.number, totalNational: conversion.totalNational },
      });
      return inserted;
    });
    return { required: true, threshold: config.currencyThreshold, declaration: declarationOf(row) };
  }

  async function myDeclarations(principal: Principal): Promise<CurrencyDeclaration[]> {
    const rows = await db.selectFrom('currency_declarations').selectAll().where('traveller_id', '=', principal.id).orderBy('created_at', 'desc').limit(100).execute();
    return rows.map(declarationOf);
  }

  async function declarationOfDocument(principal: Principal, documentId: string): Promise<CurrencyDeclaration | null> {
    assertAllowed(principal, 'passengers.border', { agencyId: await customsAgencyId(db, CUSTOMS_AGENCY) });
    const row = await db.selectFrom('currency_declarations').selectAll().where('document_id', '=', documentId).executeTakeFirst();
    return row ? declarationOf(row) : null;
  }

  return { declare, myDeclarations, declarationOfDocument };
}

export type CurrencyDeclarations = ReturnType<typeof currencyDeclarations>;
