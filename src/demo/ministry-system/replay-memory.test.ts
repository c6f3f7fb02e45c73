import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../modules/exchange/log-chain.ts';
import { rememberLoggedRequests, replayMemory, type SeenRequest } from './replay-memory.ts';

const seen = (signature: string): SeenRequest => ({ client: 'KD/GOV/CUSTOMS', signature, body_digest: 'sha-256=:x:', response_status: 200, response_body: null });

describe('the register’s memory of message ids', () => {
  it('remembers an accepted message until its timestamp alone would refuse it', () => {
    const memory = replayMemory();
    memory.remember('m-1', seen('a'), 1_000 + 300);
    expect(memory.earlier('m-1', 1_300)).toEqual(seen('a'));
    expect(memory.earlier('m-1', 1_301)).toBeUndefined();
    expect(memory.earlier('m-2', 1_000)).toBeUndefined();
  });

  it('after a restart, remembers what its log shows accepted within two windows, and nothing else', () => {
    const entry = (messageId: string, loggedAt: string, status: string, direction: 'in' | 'out' = 'in'): LogEntry => ({
      seq: 1, prevHash: '', hash: '', loggedAt, messageId, direction, kind: 'request', peer: 'KD/GOV/CUSTOMS', service: 's', signature: `sig-${messageId}`, bodyDigest: 'sha-256=:x:', status,
    });
    const memory = replayMemory();
    const now = new Date('2026-03-10T12:00:00Z');
    rememberLoggedRequests(memory, [
      entry('recent', '2026-03-10T11:55:00Z', 'accepted'),
      entry('old', '2026-03-10T11:49:00Z', 'accepted'),
      entry('refused', '2026-03-10T11:59:00Z', 'bad_signature'),
      entry('answer', '2026-03-10T11:59:00Z', '200', 'out'),
    ], 300, now);
    const at = Math.floor(now.getTime() / 1000);
    expect(memory.earlier('recent', at)).toMatchObject({ signature: 'sig-recent', response_body: null });
    expect(memory.earlier('old', at)).toBeUndefined();
    expect(memory.earlier('refused', at)).toBeUndefined();
    expect(memory.earlier('answer', at)).toBeUndefined();
  });
});
