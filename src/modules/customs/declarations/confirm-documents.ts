import type { Trx } from '../../../platform/db/database.ts';
import type { Exchange } from '../../exchange/index.ts';
import { certificateProblems, citedGroups, holderOf, permitProblems, type CitedGroup, type DocumentCheck } from './document-checks.ts';
import type { DeclarationInput } from './types.ts';

/** Services by their contracts (modules/permits/contract.ts, demo/ministry-system/contract.ts). */
const HOLD = { service: 'hold-permit-quantity', version: 'v1' };
const CONFIRM = { service: 'confirm-permit', version: 'v1' };
const SETTLE = { service: 'settle-permit-hold', version: 'v1' };
const CERTIFICATE = { service: 'check-certificate', version: 'v1' };

export interface DocumentConfirmation {
  /**
   * Asks the issuer of every cited document, in parallel. With `hold`, the declared quantity is
   * held on each permit for the declaration. `keep` carries over the checks already confirmed (a
   * declaration that was waiting asks again only about what did not answer).
   */
  check(input: DeclarationInput, declarationId: string, date: string, options: { hold: boolean; keep?: readonly DocumentCheck[] }): Promise<DocumentCheck[]>;
  /** Draws down (release) or frees (rejection) every quantity held, once `trx` commits, exactly once. */
  settle(trx: Trx, declarationId: string, checks: readonly DocumentCheck[], outcome: 'drawn' | 'released'): Promise<void>;
}

const keyOf = (check: Pick<DocumentCheck, 'type' | 'reference'>) => `${check.type}\u0000${check.reference}`;

export function documentConfirmation(exchange: Pick<Exchange, 'call' | 'send'>, country: string): DocumentConfirmation {
  const client = `${country}/GOV/CUSTOMS`;

  async function ask(group: CitedGroup, input: DeclarationInput, declarationId: string, date: string, hold: boolean): Promise<DocumentCheck> {
    const base = { type: group.type, reference: group.reference, provider: group.source.provider, paths: group.paths, checkedAt: new Date().toISOString() };
    const holder = holderOf(input);
    try {
      if (group.source.kind === 'permit') {
        const question = { number: group.reference, holderTaxId: holder ?? '-', hsCode: group.hsCode, quantity: group.quantity, netMassKg: group.netMassKg, onDate: date, declarationId };
        const { body } = await exchange.call({ client, provider: group.source.provider, ...(hold ? HOLD : CONFIRM), body: question, case: declarationId, ...(holder ? { representedParty: holder } : {}) });
        const answer = body as Record<string, unknown>;
        const problems = permitProblems(answer);
        return { ...base, status: problems.length ? 'refused' : 'confirmed', held: answer.held === true, problems, answer, reason: null };
      }
      const hsCode = group.hsCode.length >= 4 ? group.hsCode : input.items[0]!.hsCode.replace(/[.\s]/g, '');
      const { body } = await exchange.call({ client, provider: group.source.provider, ...CERTIFICATE, body: { certificateNumber: group.reference, hsCode }, case: declarationId });
      const answer = body as Record<string, unknown>;
      const problems = certificateProblems(answer, input.regime === 'export' ? undefined : holder);
      return { ...base, status: problems.length ? 'refused' : 'confirmed', held: false, problems, answer, reason: null };
    } catch (error) {
      // No answer, or one that cannot be trusted: the declaration waits for this issuer.
      return { ...base, status: 'awaiting', held: false, problems: [], answer: null, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    async check(input, declarationId, date, { hold, keep = [] }) {
      const kept = new Map(keep.filter((c) => c.status === 'confirmed').map((c) => [keyOf(c), c]));
      return Promise.all(citedGroups(input, country).map((group) => kept.get(keyOf(group)) ?? ask(group, input, declarationId, date, hold)));
    },
    async settle(trx, declarationId, checks, outcome) {
      for (const check of checks.filter((c) => c.held)) {
        await exchange.send(trx, { client, provider: check.provider, ...SETTLE, body: { number: check.reference, declarationId, outcome }, case: declarationId });
      }
    },
  };
}
