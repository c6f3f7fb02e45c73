import { describe, expect, it } from 'vitest';
import { queueFiltersFrom, queuePath, queueSearchOf } from './queueFilters';

describe('the customs queue in the address bar', () => {
  it('opens on the declarations waiting for an officer, every channel', () => {
    const filters = queueFiltersFrom(new URLSearchParams(''));
    expect(filters).toEqual({ channel: null, state: 'channel_assigned' });
    expect(queueSearchOf(filters).toString()).toBe('');
  });

  it('keeps a channel and a state other than the default, and reads them back', () => {
    const filters = { channel: 'red' as const, state: 'assessed' };
    expect(queueSearchOf(filters).toString()).toBe('channel=red&state=assessed');
    expect(queueFiltersFrom(queueSearchOf(filters))).toEqual(filters);
  });

  it('falls back to every channel and the waiting state for what it does not know', () => {
    expect(queueFiltersFrom(new URLSearchParams('channel=purple&state=lost'))).toEqual({ channel: null, state: 'channel_assigned' });
  });

  it('always names the state to the API', () => {
    const query = Object.fromEntries(new URL(queuePath({ channel: 'yellow', state: 'channel_assigned' }), 'http://guichet.test').searchParams);
    expect(query).toEqual({ channel: 'yellow', state: 'channel_assigned', limit: '100' });
  });
});
