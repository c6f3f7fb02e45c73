import { describe, expect, it } from 'vitest';
import { attemptFor, isSettled, nextPollDelay, phoneNumber } from './payments';

describe('a payment attempt', () => {
  const keys = ['key-one-1234', 'key-two-1234'];
  const newKey = () => keys.shift() ?? 'exhausted';

  it('keeps its idempotency key when the same request is sent again, and takes a new one when it changes', () => {
    const first = attemptFor(null, { phone: '+22670000001' }, newKey);
    expect(first.key).toBe('key-one-1234');
    expect(attemptFor(first, { phone: '+22670000001' }, newKey)).toBe(first);
    expect(attemptFor(first, { phone: '+22670000009' }, newKey).key).toBe('key-two-1234');
  });
});

describe('a mobile-money number', () => {
  it('is read as typed, with the usual separators dropped', () => {
    expect(phoneNumber(' +226 70 00-00.01 ')).toBe('+22670000001');
    expect(phoneNumber('(226) 70000001')).toBe('22670000001');
  });

  it('is refused when too short, too long or not digits', () => {
    expect(phoneNumber('7000001')).toBeNull();
    expect(phoneNumber('+1234567890123456')).toBeNull();
    expect(phoneNumber('70 00 AB 01')).toBeNull();
    expect(phoneNumber('++22670000001')).toBeNull();
  });
});

describe('waiting for the operator', () => {
  it('asks often while someone is likely confirming on the phone, then less often', () => {
    expect(nextPollDelay(0)).toBe(2_000);
    expect(nextPollDelay(15)).toBe(5_000);
    expect(nextPollDelay(100)).toBe(15_000);
  });

  it('stops asking once the operator has answered, whatever the answer', () => {
    expect(isSettled('pending')).toBe(false);
    expect(['succeeded', 'failed', 'refund_pending', 'refunded'].every((state) => isSettled(state as 'failed'))).toBe(true);
  });
});
