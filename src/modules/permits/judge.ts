import type { PermitAnswer, PermitQuestion } from './contract.ts';

/** Mass units a licence in tonnes can be imputed in: their size in kilograms (UN/ECE Rec. 20). */
const MASS_KG: Record<string, number> = { KGM: 1, TNE: 1000 };

/** Three decimals: a kilogram of a licence in tonnes, and no float dust in comparisons. */
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The declared quantity in the permit's unit. A permit in mass (tonnes, kilograms) is imputed by
 * the declared quantity when it is a mass, else by the net mass; any other unit only by a quantity
 * declared in that same unit. Null when the two cannot be compared.
 */
export function requestedIn(permitUnit: string, quantity: PermitQuestion['quantity'], netMassKg: string): number | null {
  const permitKg = MASS_KG[permitUnit];
  if (permitKg !== undefined) {
    const declaredKg = MASS_KG[quantity.unit];
    return round3(declaredKg === undefined ? Number(netMassKg) / permitKg : (Number(quantity.amount) * declaredKg) / permitKg);
  }
  return quantity.unit === permitUnit ? round3(Number(quantity.amount)) : null;
}

export interface PermitState {
  number: string;
  type: string;
  holderTaxId: string;
  hsPrefix: string;
  unit: string;
  validFrom: string;
  validUntil: string;
  revoked: boolean;
  /** Granted minus drawn minus what other declarations hold. */
  available: number;
}

/** What the register answers about a permit cited for goods on a day; `usable` when every check passes. */
export function judgePermit(permit: PermitState | undefined, question: PermitQuestion): { answer: PermitAnswer; usable: boolean; requested: number | null } {
  if (!permit) return { answer: { number: question.number, found: false }, usable: false, requested: null };
  const status = permit.revoked ? 'revoked' : question.onDate < permit.validFrom ? 'not_yet_valid' : question.onDate > permit.validUntil ? 'expired' : 'valid';
  const requested = requestedIn(permit.unit, question.quantity, question.netMassKg);
  const available = round3(Math.max(permit.available, 0));
  const answer: PermitAnswer = {
    number: permit.number,
    found: true,
    type: permit.type,
    status,
    holderMatches: permit.holderTaxId === question.holderTaxId,
    coversGoods: question.hsCode.startsWith(permit.hsPrefix),
    unit: permit.unit,
    requested,
    available,
    enough: requested !== null && requested <= available,
    validUntil: permit.validUntil,
  };
  return { answer, usable: status === 'valid' && answer.holderMatches === true && answer.coversGoods === true && answer.enough === true, requested };
}
