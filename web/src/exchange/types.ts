import type { Language } from '../api/types';

/** Shapes of the exchange API's JSON (src/modules/exchange/http-schema.ts and console-routes.ts). */

export type Localised = Record<Language, string>;
export type MemberKind = 'agency' | 'external_system' | 'foreign_single_window';
export type MemberStatus = 'active' | 'suspended';
export type KeyStatus = 'active' | 'retired' | 'revoked';
export type Outcome = 'ok' | 'refused' | 'failed';
export type OutboxStatus = 'pending' | 'delivered' | 'refused' | 'dead';

export const memberKinds: readonly MemberKind[] = ['agency', 'external_system', 'foreign_single_window'];
export const outboxStatuses: readonly OutboxStatus[] = ['pending', 'delivered', 'refused', 'dead'];

export interface Member {
  id: string;
  identifier: string;
  kind: MemberKind;
  names: Localised;
  agencyCode: string | null;
  endpoint: string | null;
  status: MemberStatus;
  createdAt: string;
}

export interface MemberKey {
  kid: string;
  memberId: string;
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  status: KeyStatus;
  createdAt: string;
  retiredAt: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
}

export interface Service {
  id: string;
  provider: string;
  code: string;
  version: string;
  title: Localised;
  requestSchema: Record<string, unknown>;
  responseSchema: Record<string, unknown>;
  createdAt: string;
  /** The members granted this version. */
  clients: string[];
}

export interface AccessRight {
  serviceId: string;
  provider: string;
  serviceCode: string;
  version: string;
  client: string;
  grantedAt: string;
  grantedBy: string;
}

export interface TrafficEntry {
  seq: number;
  loggedAt: string;
  messageId: string;
  direction: 'in' | 'out';
  kind: 'request' | 'response';
  peer: string;
  service: string;
  status: string;
  outcome: Outcome;
}

export interface DirectionCounts {
  total: number;
  ok: number;
  refused: number;
  failed: number;
  statuses: { status: string; outcome: Outcome; count: number }[];
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
  outbox: { pending: number; refused: number; dead: number };
}

export interface OutboxEntry {
  messageId: string;
  client: string;
  provider: string;
  service: string;
  version: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface Page<T, K> {
  items: T[];
  nextBefore: K | null;
}
