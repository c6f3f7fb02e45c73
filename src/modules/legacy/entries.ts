import type { LegacyDraft, MappingProblem } from './mapping.ts';
import type { LegacyRejection } from './record.ts';

/** Where a field of a legacy record was written: a CSV line, or a CUSDEC message's segment. */
export type Location = Pick<LegacyRejection, 'line' | 'messageReference' | 'segment' | 'tag'>;

/**
 * What a legacy file yields, one declaration at a time: a draft to map (with problems its reader
 * already found, and where each field came from), or a record refused before it could be read;
 * `read` is how many CSV lines or CUSDEC messages it took.
 */
export type LegacyEntry =
  | { kind: 'draft'; draft: LegacyDraft; problems: MappingProblem[]; locate(field: string): Location; read: number }
  | { kind: 'rejection'; rejection: LegacyRejection; read: number };

/** The index of the item a field path names (`items[2].origin` → 2), if any. */
export function itemIndexOf(field: string): number | null {
  const match = /^items\[(\d+)\]/.exec(field);
  return match ? Number(match[1]) : null;
}

export function rejectionOf(problem: MappingProblem, location: Location, reference: string | null): LegacyRejection {
  return { ...location, reference: reference || null, field: problem.field, code: problem.code, params: problem.params };
}
