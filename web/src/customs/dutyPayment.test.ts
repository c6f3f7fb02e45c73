import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { documentProblemPart, followUpDelay, mayPayDuties, releaseStanding, shortfallOf } from './dutyPayment';
import type { DeclarationInput, DocumentCheck } from './types';

const BROKER = { taxId: 'KD-2015-000871', name: 'Transit Sahel SARL', country: 'KD' };
const IMPORTER = { taxId: 'KD-2019-004512', name: 'Kandara Riz Import SARL', country: 'KD' };
const declaration = { declarant: BROKER, importer: IMPORTER } as DeclarationInput;

const check = (overrides: Partial<DocumentCheck> = {}): DocumentCheck => ({
  type: 'import_licence',
  reference: 'KD-LIC-2026-0042',
  provider: 'KD/GOV/COMMERCE',
  status: 'confirmed',
  held: true,
  problems: [],
  reason: null,
  ...overrides,
});

describe('who is offered to pay a declaration’s duties', () => {
  it('offers an assessed declaration with something due to the declarant’s or the importer’s company', () => {
    expect(mayPayDuties({ state: 'assessed', totalDue: 1_353_402, declaration }, BROKER)).toBe(true);
    expect(mayPayDuties({ state: 'assessed', totalDue: 1_353_402, declaration }, IMPORTER)).toBe(true);
  });

  it('offers nothing before assessment, once paid, when nothing is due, or to a company not party to it', () => {
    expect(mayPayDuties({ state: 'channel_assigned', totalDue: 1_353_402, declaration }, BROKER)).toBe(false);
    expect(mayPayDuties({ state: 'paid', totalDue: 1_353_402, declaration }, BROKER)).toBe(false);
    expect(mayPayDuties({ state: 'assessed', totalDue: 0, declaration }, BROKER)).toBe(false);
    expect(mayPayDuties({ state: 'assessed', totalDue: null, declaration }, BROKER)).toBe(false);
    expect(mayPayDuties({ state: 'assessed', totalDue: 1_353_402, declaration }, { taxId: 'KD-2020-000001' })).toBe(false);
    expect(mayPayDuties({ state: 'assessed', totalDue: 1_353_402, declaration }, null)).toBe(false);
  });
});

describe('what a prepaid account lacked', () => {
  it('is read from the details of a 409 prepaid_insufficient', () => {
    const refusal = new ApiError(409, 'prepaid_insufficient', 'Le compte prépayé ne couvre pas ce paiement', 'fr', { balance: 100_000, amount: 1_353_402, currency: 'XOF' });
    expect(shortfallOf(refusal)).toEqual({ balance: 100_000, amount: 1_353_402, currency: 'XOF', missing: 1_253_402 });
  });

  it('is nothing for another refusal, or details it cannot read (the server’s message is shown instead)', () => {
    expect(shortfallOf(new ApiError(409, 'fee_already_paid', 'Déjà payé', 'fr', { receipt: {} }))).toBeNull();
    expect(shortfallOf(new ApiError(409, 'prepaid_insufficient', 'Le compte…', 'fr'))).toBeNull();
    expect(shortfallOf(new ApiError(409, 'prepaid_insufficient', 'Le compte…', 'fr', { balance: '100', amount: 5, currency: 'XOF' }))).toBeNull();
    expect(shortfallOf(new Error('network'))).toBeNull();
  });
});

describe('where the goods stand after payment', () => {
  it('is nothing to say before payment', () => {
    expect(releaseStanding({ state: 'assessed', documentChecks: [] })).toBeNull();
    expect(releaseStanding({ state: 'rejected' })).toBeNull();
  });

  it('is a release under way once paid, blocked when a cited document was refused on the day, and given once released', () => {
    expect(releaseStanding({ state: 'paid', documentChecks: [check()] })).toBe('releasing');
    expect(releaseStanding({ state: 'paid' })).toBe('releasing');
    expect(releaseStanding({ state: 'paid', documentChecks: [check(), check({ status: 'refused', problems: [{ code: 'declaration_document_revoked' }] })] })).toBe('blocked');
    expect(releaseStanding({ state: 'released', documentChecks: [check()] })).toBe('released');
  });
});

describe('following up a change the platform makes by itself', () => {
  it('reads quickly a few times, then less often, then stops', () => {
    expect(followUpDelay(0)).toBe(1_500);
    expect(followUpDelay(4)).toBe(1_500);
    expect(followUpDelay(5)).toBe(4_000);
    expect(followUpDelay(14)).toBe(4_000);
    expect(followUpDelay(15)).toBeNull();
  });
});

describe('a refusal of a cited document', () => {
  const day = (value: string) => `day(${value})`;

  it('names the document and its issuer, and writes its last valid day in the reader’s calendar', () => {
    const expired = documentProblemPart(check(), { code: 'declaration_document_expired', params: { validUntil: '2026-03-31' } }, day);
    expect(expired).toEqual({
      key: 'customs.documentProblems.declaration_document_expired',
      params: { validUntil: 'day(2026-03-31)', document: 'KD-LIC-2026-0042', agency: 'KD/GOV/COMMERCE' },
    });
  });

  it('keeps its figures for the sentence to format', () => {
    const short = documentProblemPart(check(), { code: 'declaration_document_quantity_insufficient', params: { requested: 20, available: 12.5, unit: 'TNE' } }, day);
    expect(short.params).toEqual({ requested: 20, available: 12.5, unit: 'TNE', document: 'KD-LIC-2026-0042', agency: 'KD/GOV/COMMERCE' });
    expect(documentProblemPart(check(), { code: 'declaration_document_not_found' }, day).params).toEqual({ document: 'KD-LIC-2026-0042', agency: 'KD/GOV/COMMERCE' });
  });
});
