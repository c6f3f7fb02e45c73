import { EdifactError } from './error.ts';

/** The six service characters of ISO 9735 (§7, UNA service string advice). */
export interface ServiceCharacters {
  component: string;
  element: string;
  decimal: string;
  /** null when the syntax level has no release character (level B). */
  release: string | null;
  /** Repetition separator (syntax 4) or the reserved space (syntax 3). Not split on: the message
   * subsets read here (CUSCAR, CUSDEC) repeat segments, not data elements, so it stays data. */
  repetition: string;
  segment: string;
}

/** Syntax level A defaults (ISO 9735 annex A), used by UNOA/UNOC… interchanges without UNA. */
export const LEVEL_A: ServiceCharacters = { component: ':', element: '+', decimal: '.', release: '?', repetition: ' ', segment: "'" };

/** Syntax level B (UNOB) uses information separators IS1–IS4 and has no release character. */
const LEVEL_B: ServiceCharacters = { component: '\x1f', element: '\x1d', decimal: '.', release: null, repetition: ' ', segment: '\x1c' };

/**
 * Reads the optional UNA advice: "UNA" then exactly six characters, in the order component,
 * element, decimal, release, repetition/reserved, segment terminator. Returns the characters and
 * where the first real segment starts.
 */
export function readServiceCharacters(text: string): { characters: ServiceCharacters; start: number } {
  if (!text.startsWith('UNA')) {
    return { characters: text.charAt(3) === LEVEL_B.element ? LEVEL_B : LEVEL_A, start: 0 };
  }
  if (text.length < 9) {
    throw new EdifactError('edifact_bad_una', { segment: 0, position: text.length, tag: 'UNA' }, 'UNA must be followed by six service characters');
  }
  const [component, element, decimal, release, repetition, segment] = [...text.slice(3, 9)] as [string, string, string, string, string, string];
  const characters: ServiceCharacters = { component, element, decimal, release: release === ' ' ? null : release, repetition, segment };
  const delimiters = [component, element, segment, ...(characters.release ? [characters.release] : [])];
  if (new Set(delimiters).size !== delimiters.length || /[A-Za-z0-9]/.test(delimiters.join(''))) {
    throw new EdifactError('edifact_bad_una', { segment: 0, position: 3, tag: 'UNA' }, 'UNA service characters must be distinct non-alphanumeric characters');
  }
  return { characters, start: 9 };
}
