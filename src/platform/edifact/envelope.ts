import { EdifactError } from './error.ts';
import type { EdifactSegment } from './segments.ts';

/** Where an envelope fault is reported: the segment's number, first character and tag. */
export const at = (segment: EdifactSegment) => ({ segment: segment.index, position: segment.offset, tag: segment.tag });

/** A mandatory component of a service segment (ISO 9735 §9, service segment specifications). */
export function required(segment: EdifactSegment, element: number, component: number, name: string): string {
  const value = segment.elements[element]?.[component] ?? '';
  if (value === '') {
    throw new EdifactError('edifact_missing_element', at(segment), `${segment.tag} has no ${name} (element ${element + 1}, component ${component + 1})`);
  }
  return value;
}

/** A component that may be absent: '' when it is (EDIFACT does not distinguish empty from absent). */
export function valueAt(segment: EdifactSegment, element: number, component = 0): string {
  return segment.elements[element]?.[component] ?? '';
}

/** A count in UNT/UNE/UNZ must be the number actually sent. */
export function checkCount(trailer: EdifactSegment, expected: number, code: string, what: string): void {
  const stated = required(trailer, 0, 0, what);
  if (!/^\d{1,10}$/.test(stated) || Number(stated) !== expected) {
    throw new EdifactError(code, at(trailer), `${trailer.tag} states ${stated} ${what} but ${expected} were sent`);
  }
}

/** The reference in a trailer (UNT/UNE/UNZ) must repeat the header's (UNH/UNG/UNB). */
export function checkReference(trailer: EdifactSegment, element: number, header: EdifactSegment, reference: string): void {
  const stated = required(trailer, element, 0, 'control reference');
  if (stated !== reference) {
    throw new EdifactError('edifact_control_reference', at(trailer), `${trailer.tag} reference ${stated} does not match ${header.tag} reference ${reference}`);
  }
}

/**
 * UNB/UNG date and time (S004): YYMMDD (syntax 3) or CCYYMMDD (syntax 4), then HHMM.
 * Returned as ISO 8601 local date-time without zone (EDIFACT carries none).
 */
export function preparedAt(segment: EdifactSegment, element: number): string {
  const date = required(segment, element, 0, 'preparation date');
  const time = required(segment, element, 1, 'preparation time');
  const full = date.length === 6 ? `20${date}` : date;
  const ok = /^\d{8}$/.test(full) && /^\d{4}$/.test(time);
  const iso = ok ? `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}` : '';
  if (!ok || Number.isNaN(Date.parse(`${iso}Z`))) {
    throw new EdifactError('edifact_bad_date', at(segment), `${segment.tag} date/time ${date}:${time} is not YYMMDD or CCYYMMDD then HHMM`);
  }
  return iso;
}
