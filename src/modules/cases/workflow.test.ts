import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcedureDefinition } from '../catalogue/definition.ts';
import { readShippedDefinitions } from '../catalogue/shipped.ts';
import { aDefinition, AGENCY_CODES } from '../catalogue/test-definition.ts';
import { actingAgency, automaticPath, availableActions, decide, type WorkflowActor } from './workflow.ts';

const definition = aDefinition();
const officerOf = (agencyCode: string): WorkflowActor => ({ kind: 'staff', grants: [{ role: 'officer', agencyCode }] });
const owner: WorkflowActor = { kind: 'applicant', isOwner: true };

const actor: fc.Arbitrary<WorkflowActor> = fc.oneof(
  fc.boolean().map((isOwner) => ({ kind: 'applicant' as const, isOwner })),
  fc
    .array(fc.record({ role: fc.constantFrom('officer', 'agency_admin', 'cashier', 'auditor'), agencyCode: fc.constantFrom(...AGENCY_CODES, null) }), { maxLength: 3 })
    .map((grants) => ({ kind: 'staff' as const, grants })),
  fc.constantFrom('submitted' as const, 'fee_paid' as const).map((event) => ({ kind: 'system' as const, event })),
);

/** Plays random requests against a definition and checks every step against the rules written out again. */
function playRandomRequests(def: ProcedureDefinition) {
  const actions = def.workflow.transitions.map((t) => t.action).concat(['delete_everything']);
  const states = new Set(def.workflow.states.map((s) => s.id));
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...actions), actor, fc.option(fc.string(), { nil: undefined })), { maxLength: 40 }), (requests) => {
      let state = def.workflow.initial;
      for (const [action, who, comment] of requests) {
        const decision = decide(def, state, action, who, comment);
        if (!decision.allowed) continue;
        const t = decision.transition;
        expect(t.from).toContain(state);
        expect(t.by).toBe(who.kind);
        if (who.kind === 'applicant') expect(who.isOwner).toBe(true);
        if (who.kind === 'staff') {
          const agency = actingAgency(def, t, state);
          expect(who.grants.some((g) => (t.roles as readonly string[]).includes(g.role) && g.agencyCode === agency)).toBe(true);
        }
        if (t.requiresComment) expect(comment?.trim()).toBeTruthy();
        state = decision.to.id;
        expect(states.has(state)).toBe(true);
      }
    }),
    { numRuns: 300 },
  );
}

describe('the workflow engine', () => {
  it('never reaches a state the definition does not have, and every step it allows obeys the guards', () => {
    playRandomRequests(definition);
  });

  it('holds the same properties on every shipped procedure', async () => {
    const shipped = await readShippedDefinitions();
    expect(shipped.length).toBeGreaterThanOrEqual(8);
    for (const { raw } of shipped) playRandomRequests(raw as ProcedureDefinition);
  });

  it('lets the Commerce officer approve, and refuses the Customs officer (403) and an approval from a final state (409)', () => {
    expect(decide(definition, 'in_review', 'approve', officerOf('COMMERCE'))).toMatchObject({ allowed: true, to: { id: 'approved' } });
    expect(decide(definition, 'in_review', 'approve', officerOf('CUSTOMS'))).toEqual({ allowed: false, refused: 'agency', status: 403 });
    expect(decide(definition, 'approved', 'approve', officerOf('COMMERCE'))).toEqual({ allowed: false, refused: 'not_in_this_state', status: 409 });
  });

  it('hands a forwarded file to the Health officers, not to Commerce', () => {
    expect(decide(definition, 'health_review', 'health_favourable', officerOf('HEALTH'))).toMatchObject({ allowed: true, to: { id: 'in_review' } });
    expect(decide(definition, 'health_review', 'health_favourable', officerOf('COMMERCE'))).toMatchObject({ allowed: false, refused: 'agency' });
  });

  it('requires a reason to reject and lets only the owner withdraw', () => {
    expect(decide(definition, 'in_review', 'reject', officerOf('COMMERCE'), '  ')).toMatchObject({ allowed: false, refused: 'comment_required', status: 400 });
    expect(decide(definition, 'in_review', 'withdraw', { kind: 'applicant', isOwner: false })).toMatchObject({ allowed: false, status: 403 });
    expect(decide(definition, 'in_review', 'withdraw', owner)).toMatchObject({ allowed: true });
  });

  it('offers each actor only the buttons they may press', () => {
    expect(availableActions(definition, 'in_review', officerOf('COMMERCE')).map((t) => t.action).sort()).toEqual(['approve', 'forward_to_health', 'reject', 'request_correction']);
    expect(availableActions(definition, 'in_review', owner).map((t) => t.action)).toEqual(['withdraw']);
    expect(availableActions(definition, 'correction_requested', officerOf('COMMERCE'))).toEqual([]);
  });

  it('follows the automatic steps an event sets off, and stops where none applies', async () => {
    const card = (await readShippedDefinitions()).find((d) => (d.raw as ProcedureDefinition).id === 'import-export-card')?.raw as ProcedureDefinition;
    expect(automaticPath(card, 'submitted', 'submitted').map((t) => t.to)).toEqual(['payment_due']);
    expect(automaticPath(card, 'payment_due', 'fee_paid').map((t) => t.to)).toEqual(['in_review']);
    expect(automaticPath(card, 'in_review', 'fee_paid')).toEqual([]);
  });
});
