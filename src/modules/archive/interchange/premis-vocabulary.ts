import type { PremisEventType } from '../schema.ts';

/**
 * The Library of Congress preservation vocabularies PREMIS 3 points to (id.loc.gov/vocabulary/preservation):
 * each event type the archive records, by the term's authoritative label and code. `access` has no
 * term of its own: giving a copy out of the repository is the vocabulary's "dissemination" ("the
 * process of transmitting or providing access to a copy of the object").
 */
export const EVENT_TYPE_AUTHORITY = 'http://id.loc.gov/vocabulary/preservation/eventType';

export const EVENT_TYPES: Readonly<Record<PremisEventType, { label: string; code: string }>> = {
  ingestion: { label: 'ingestion', code: 'ing' },
  'message digest calculation': { label: 'message digest calculation', code: 'mes' },
  'fixity check': { label: 'fixity check', code: 'fix' },
  replication: { label: 'replication', code: 'rep' },
  'format identification': { label: 'format identification', code: 'for' },
  access: { label: 'dissemination', code: 'dis' },
  deletion: { label: 'deletion', code: 'del' },
  'policy assignment': { label: 'policy assignment', code: 'poa' },
};

export const HASH_AUTHORITY = 'http://id.loc.gov/vocabulary/preservation/cryptographicHashFunctions';
export const HASH_FUNCTIONS = { sha256: { label: 'SHA-256', code: 'sha256' }, sha512: { label: 'SHA-512', code: 'sha512' } } as const;

/** The archive's own software is the "executing program" of the events it records (eventRelatedAgentRole). */
export const AGENT_ROLE_AUTHORITY = 'http://id.loc.gov/vocabulary/preservation/eventRelatedAgentRole';
export const EXECUTING_PROGRAM = { label: 'executing program', code: 'exe' } as const;
export const IMPLEMENTER = { label: 'implementer', code: 'imp' } as const;
