import { describe, expect, it } from 'vitest';
import { feeDue } from './feeDue';

const workflow = {
  initial: 'submitted',
  states: [],
  transitions: [
    { action: 'compute_fees', from: ['submitted'], to: 'payment_due', by: 'system' as const, on: 'submitted' as const },
    { action: 'record_payment', from: ['payment_due'], to: 'in_review', by: 'system' as const, on: 'fee_paid' as const },
    { action: 'withdraw', from: ['payment_due', 'in_review'], to: 'withdrawn', by: 'applicant' as const },
  ],
};
const fee = (paid: boolean) => ({ total: 25000, currency: 'XOF', lines: [], paid });

describe('whether a file waits for its fee', () => {
  it('does while its state moves on when the fee is paid and the fee is unpaid', () => {
    expect(feeDue({ state: 'payment_due', fee: fee(false) }, { workflow })).toBe(true);
  });

  it('does not once paid, in another state (withdrawn before paying), or without a fee', () => {
    expect(feeDue({ state: 'payment_due', fee: fee(true) }, { workflow })).toBe(false);
    expect(feeDue({ state: 'withdrawn', fee: fee(false) }, { workflow })).toBe(false);
    expect(feeDue({ state: 'payment_due', fee: null }, { workflow })).toBe(false);
  });
});
