import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import fs from 'node:fs';
import { aDefinition } from '../catalogue/test-definition.ts';
import type { ProcedureDefinition } from '../catalogue/index.ts';
import { applicantNotice } from './audience.ts';

const t = (text: string) => ({ fr: text, ar: text, en: text });

/** The test permit with a fee step first, as the shipped licences have. */
function withPaymentStep(): ProcedureDefinition {
  const definition = aDefinition();
  definition.workflow.initial = 'submitted';
  definition.workflow.states.unshift(
    { id: 'submitted', label: t('Submitted'), holder: 'agency' },
    { id: 'fee_pending', label: t('Awaiting payment'), holder: 'applicant' },
  );
  definition.workflow.transitions.push(
    { action: 'compute_fees', label: t('Fees'), from: ['submitted'], to: 'fee_pending', by: 'system', on: 'submitted' },
    { action: 'record_payment', label: t('Paid'), from: ['fee_pending'], to: 'in_review', by: 'system', on: 'fee_paid' },
  );
  return definition;
}

describe('which moves the applicant hears about', () => {
  it('acknowledges the filing, whatever the draft state is called', () => {
    expect(applicantNotice(aDefinition(), 'draft', 'in_review')).toBe('received');
    expect(applicantNotice(aDefinition(), null, 'in_review')).toBe('received');
  });

  it('names a fee to pay when the way out of the state the applicant holds is the payment', () => {
    expect(applicantNotice(withPaymentStep(), 'submitted', 'fee_pending')).toBe('payment_due');
  });

  it('tells the applicant once where a submission ended, through however many automatic steps', () => {
    expect(applicantNotice(withPaymentStep(), 'draft', 'fee_pending')).toBe('payment_due');
    expect(applicantNotice(withPaymentStep(), 'draft', 'in_review')).toBe('received');
  });

  it('asks for action when the applicant holds the file for anything else (a correction)', () => {
    expect(applicantNotice(aDefinition(), 'in_review', 'correction_requested')).toBe('action_required');
  });

  it('announces each outcome from the state definition', () => {
    expect(applicantNotice(aDefinition(), 'in_review', 'approved')).toBe('approved');
    expect(applicantNotice(aDefinition(), 'in_review', 'rejected')).toBe('rejected');
    expect(applicantNotice(aDefinition(), 'correction_requested', 'withdrawn')).toBe('withdrawn');
  });

  it('keeps moves between agency steps to the file page', () => {
    expect(applicantNotice(aDefinition(), 'in_review', 'health_review')).toBeNull();
    expect(applicantNotice(aDefinition(), 'health_review', 'in_review')).toBeNull();
    expect(applicantNotice(aDefinition(), 'correction_requested', 'in_review')).toBeNull();
    expect(applicantNotice(withPaymentStep(), 'fee_pending', 'in_review')).toBeNull();
  });

  it('ignores a state the pinned definition does not have', () => {
    expect(applicantNotice(aDefinition(), 'in_review', 'archived')).toBeNull();
  });

  it('tells the applicant of every final state and every state they hold in each shipped procedure', () => {
    const dir = new URL('../../../procedures/', import.meta.url);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const definition = parse(fs.readFileSync(new URL(file, dir), 'utf8')) as ProcedureDefinition;
      for (const state of definition.workflow.states) {
        const from = definition.workflow.transitions.find((tr) => tr.to === state.id)?.from[0] ?? 'draft';
        const kind = applicantNotice(definition, from, state.id);
        if (state.outcome) expect(kind, `${file} ${state.id}`).toBe(state.outcome);
        else if (state.holder === 'applicant') expect(['payment_due', 'action_required'], `${file} ${state.id}`).toContain(kind);
      }
    }
  });
});
