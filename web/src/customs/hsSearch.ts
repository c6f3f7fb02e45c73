/**
 * Finding a tariff line from words or a code (`GET /api/customs/hs?q=`, reference/hs-search.ts):
 * digits search by code prefix (`1006`, `1006.30`), anything else by words in French, English or
 * Arabic, each word matching the start of a word of the entry (`ciment`, `riz blanchi`). Broader
 * levels come first, so a word finds the heading before its lines: choosing a heading searches
 * again under its code, until a national line, the only level a declaration item takes.
 */
import type { HsMatch } from './types';

/** The route reads at most 100 characters. */
const LONGEST_QUERY = 100;
/** Enough for a heading, its subheadings and their lines. */
export const HS_RESULTS = 30;

/** The query to send, or null while there is nothing to search for. */
export function hsQueryOf(typed: string): string | null {
  const query = typed.trim().slice(0, LONGEST_QUERY);
  return query === '' ? null : query;
}

export function hsSearchPath(query: string): string {
  return `/api/customs/hs?${new URLSearchParams({ q: query, limit: String(HS_RESULTS) }).toString()}`;
}

/** Only a ten-digit national line is declared on an item. */
export function isDeclarable(match: HsMatch): boolean {
  return match.level === 'national_line';
}

/** The search that lists what lies under a chapter, heading or subheading: its code as a prefix. */
export function narrowingQuery(match: HsMatch): string {
  return match.code.replace(/\D/g, '');
}
