import { describe, expect, it } from 'vitest';
import { outcomeOf, summariseTraffic, type TrafficCount } from './traffic-summary.ts';

describe('what a logged status means', () => {
  it('reads accepted and 2xx answers as ok, other HTTP statuses as failed, and anything else as a refusal', () => {
    expect(['accepted', '200', '201', '204'].map(outcomeOf)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(['422', '500', '503', '404'].map(outcomeOf)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(['bad_signature', 'replayed_message', 'access_denied', 'unknown_key'].map(outcomeOf)).toEqual(['refused', 'refused', 'refused', 'refused']);
    // Not an HTTP status: a code that happens to hold digits is still a refusal.
    expect(['2000', '20', 'http_502'].map(outcomeOf)).toEqual(['refused', 'refused', 'refused']);
  });
});

describe('the traffic summary', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');
  const counts: TrafficCount[] = [
    { direction: 'in', status: 'accepted', lastHour: 3, lastDay: 40 },
    { direction: 'in', status: 'bad_signature', lastHour: 2, lastDay: 2 },
    { direction: 'in', status: 'access_denied', lastHour: 0, lastDay: 5 },
    { direction: 'out', status: '200', lastHour: 1, lastDay: 38 },
    { direction: 'out', status: '503', lastHour: 1, lastDay: 1 },
  ];

  it('totals each window by direction and outcome, the most frequent status first', () => {
    const summary = summariseTraffic(counts, now);
    expect(summary.at).toBe('2026-03-02T10:00:00.000Z');
    expect(summary.lastHour.since).toBe('2026-03-02T09:00:00.000Z');
    expect(summary.lastDay.since).toBe('2026-03-01T10:00:00.000Z');
    expect(summary.lastHour.in).toEqual({
      total: 5,
      ok: 3,
      refused: 2,
      failed: 0,
      statuses: [
        { status: 'accepted', outcome: 'ok', count: 3 },
        { status: 'bad_signature', outcome: 'refused', count: 2 },
      ],
    });
    expect(summary.lastDay.in).toMatchObject({ total: 47, ok: 40, refused: 7, failed: 0 });
    expect(summary.lastDay.in.statuses.map((s) => s.status)).toEqual(['accepted', 'access_denied', 'bad_signature']);
    expect(summary.lastDay.out).toMatchObject({ total: 39, ok: 38, refused: 0, failed: 1 });
  });

  it('says zero, not nothing, for a quiet window', () => {
    expect(summariseTraffic([], now).lastHour.out).toEqual({ total: 0, ok: 0, refused: 0, failed: 0, statuses: [] });
  });
});
