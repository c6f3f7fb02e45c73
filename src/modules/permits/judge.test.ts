import { describe, expect, it } from 'vitest';
import { judgePermit, requestedIn, type PermitState } from './judge.ts';

const rice: PermitState = { number: 'L-1', type: 'import_licence', holderTaxId: 'KD-2', hsPrefix: '1006', unit: 'TNE', validFrom: '2026-01-01', validUntil: '2026-06-30', revoked: false, available: 20 };
const question = { number: 'L-1', holderTaxId: 'KD-2', hsCode: '1006300000', quantity: { amount: '20000', unit: 'KGM' }, netMassKg: '20000', onDate: '2026-03-01' };

describe('a permit register judging a cited permit', () => {
  it('imputes a licence in tonnes by the declared mass, and any other unit only in that unit', () => {
    expect(requestedIn('TNE', { amount: '20000', unit: 'KGM' }, '20000')).toBe(20);
    expect(requestedIn('TNE', { amount: '400', unit: 'NAR' }, '19999.4')).toBe(19.999);
    expect(requestedIn('KGM', { amount: '1.25', unit: 'TNE' }, '0')).toBe(1250);
    expect(requestedIn('LTR', { amount: '30', unit: 'LTR' }, '31')).toBe(30);
    expect(requestedIn('LTR', { amount: '30', unit: 'KGM' }, '30')).toBeNull();
  });

  it('lets through exactly what is left, and says why anything else is refused', () => {
    expect(judgePermit(rice, question).usable).toBe(true);
    expect(judgePermit({ ...rice, available: 19.999 }, question).answer).toMatchObject({ enough: false, requested: 20, available: 19.999 });
    expect(judgePermit(rice, { ...question, onDate: '2026-07-01' }).answer.status).toBe('expired');
    expect(judgePermit(rice, { ...question, onDate: '2025-12-31' }).answer.status).toBe('not_yet_valid');
    expect(judgePermit({ ...rice, revoked: true }, question).answer.status).toBe('revoked');
    expect(judgePermit(rice, { ...question, holderTaxId: 'KD-3' }).answer.holderMatches).toBe(false);
    expect(judgePermit(rice, { ...question, hsCode: '1005900000' }).answer.coversGoods).toBe(false);
    expect(judgePermit(undefined, question)).toEqual({ answer: { number: 'L-1', found: false }, usable: false, requested: null });
  });
});
