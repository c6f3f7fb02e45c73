import type { Direction } from './log-chain.ts';

/**
 * What a logged status means for the operator: `ok` (accepted, or a 2xx answer), `refused` (a
 * refusal code: the message was turned away unread, docs/exchange.md "Verification and refusals")
 * or `failed` (an HTTP status that is not 2xx: the exchange worked, the service did not).
 */
export type Outcome = 'ok' | 'refused' | 'failed';

const HTTP_STATUS = /^[1-5][0-9]{2}$/;

export function outcomeOf(status: string): Outcome {
  if (status === 'accepted') return 'ok';
  if (!HTTP_STATUS.test(status)) return 'refused';
  return status.startsWith('2') ? 'ok' : 'failed';
}

/** One group of the log's last day, as the database counts it. */
export interface TrafficCount {
  direction: Direction;
  status: string;
  lastHour: number;
  lastDay: number;
}

export interface StatusCount {
  status: string;
  outcome: Outcome;
  count: number;
}

export interface DirectionCounts {
  total: number;
  ok: number;
  refused: number;
  failed: number;
  /** Most frequent first, so the dominant failure is the first one read. */
  statuses: StatusCount[];
}

export interface WindowCounts {
  since: string;
  in: DirectionCounts;
  out: DirectionCounts;
}

export interface TrafficSummary {
  at: string;
  lastHour: WindowCounts;
  lastDay: WindowCounts;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

function directionCounts(counts: readonly TrafficCount[], direction: Direction, window: 'lastHour' | 'lastDay'): DirectionCounts {
  const statuses = counts
    .filter((c) => c.direction === direction && c[window] > 0)
    .map((c) => ({ status: c.status, outcome: outcomeOf(c.status), count: c[window] }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  const sum = (outcome?: Outcome) => statuses.filter((s) => !outcome || s.outcome === outcome).reduce((total, s) => total + s.count, 0);
  return { total: sum(), ok: sum('ok'), refused: sum('refused'), failed: sum('failed'), statuses };
}

/** Folds the per-status counts of the last day into the last hour's and the last day's totals, by direction. */
export function summariseTraffic(counts: readonly TrafficCount[], now: Date): TrafficSummary {
  const window = (name: 'lastHour' | 'lastDay', span: number): WindowCounts => ({
    since: new Date(now.getTime() - span).toISOString(),
    in: directionCounts(counts, 'in', name),
    out: directionCounts(counts, 'out', name),
  });
  return { at: now.toISOString(), lastHour: window('lastHour', HOUR_MS), lastDay: window('lastDay', DAY_MS) };
}
