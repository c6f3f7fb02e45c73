import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEW_RISK_RECORD, riskAfterInspection, type InspectionOutcome } from './feedback.ts';
import type { RiskRecord } from './types.ts';

const after = (outcomes: InspectionOutcome[], start: RiskRecord = NEW_RISK_RECORD) => outcomes.reduce(riskAfterInspection, start);

describe('inspection outcomes feed back into the risk record', () => {
  it('worked example: a new importer, a seizure, a discrepancy, then three conform inspections', () => {
    expect(after(['seizure'])).toEqual({ declarations: 0, inspections: 1, discrepancies: 0, seizures: 1, score: 68 });
    expect(after(['seizure', 'discrepancy']).score).toBe(76);
    expect(after(['seizure', 'discrepancy', 'conform', 'conform', 'conform'])).toEqual({ declarations: 0, inspections: 5, discrepancies: 1, seizures: 1, score: 54 });
  });

  it('a long clean record decays to 0, and one seizure after it still counts', () => {
    const clean = after(Array.from({ length: 30 }, () => 'conform' as const));
    expect(clean.score).toBe(0);
    expect(riskAfterInspection(clean, 'seizure').score).toBe(60);
  });

  it('leaves the number of declarations to the lodgement', () => {
    expect(riskAfterInspection({ ...NEW_RISK_RECORD, declarations: 40 }, 'conform').declarations).toBe(40);
  });
});

describe('feedback properties', () => {
  const anyRecord = fc.record({
    declarations: fc.nat(10_000),
    inspections: fc.nat(1_000),
    discrepancies: fc.nat(1_000),
    seizures: fc.nat(1_000),
    score: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  });
  const outcome = fc.constantFrom<InspectionOutcome>('conform', 'discrepancy', 'seizure');

  it('keeps the score a whole number between 0 and 100 after any outcomes', () => {
    fc.assert(
      fc.property(anyRecord, fc.array(outcome, { maxLength: 50 }), (start, outcomes) => {
        const { score } = after(outcomes, start);
        expect(Number.isInteger(score) || outcomes.length === 0).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('a seizure or a discrepancy never lowers the score, a conform inspection never raises it', () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        expect(riskAfterInspection(record, 'seizure').score).toBeGreaterThanOrEqual(record.score);
        expect(riskAfterInspection(record, 'discrepancy').score).toBeGreaterThanOrEqual(record.score);
        expect(riskAfterInspection(record, 'conform').score).toBeLessThanOrEqual(record.score);
      }),
    );
  });

  it('a seizure weighs at least as much as a discrepancy, and both strictly raise any score below 100', () => {
    fc.assert(
      fc.property(anyRecord, (record) => {
        const [seized, discrepant] = [riskAfterInspection(record, 'seizure').score, riskAfterInspection(record, 'discrepancy').score];
        expect(seized).toBeGreaterThanOrEqual(discrepant);
        if (record.score < 100) expect(discrepant).toBeGreaterThan(record.score);
      }),
    );
  });

  it('counts each inspection once, under its outcome', () => {
    fc.assert(
      fc.property(anyRecord, outcome, (record, result) => {
        const next = riskAfterInspection(record, result);
        expect(next.inspections).toBe(record.inspections + 1);
        expect(next.discrepancies + next.seizures).toBe(record.discrepancies + record.seizures + (result === 'conform' ? 0 : 1));
      }),
    );
  });
});
