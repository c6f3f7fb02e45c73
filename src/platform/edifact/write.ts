import { LEVEL_A, type ServiceCharacters } from './service-characters.ts';

/** Prefixes every service character in a value with the release character (ISO 9735 §7.3). */
export function escapeValue(value: string, chars: ServiceCharacters = LEVEL_A): string {
  const release = chars.release;
  if (!release) return value;
  const special = new Set([chars.component, chars.element, chars.segment, release]);
  return [...value].map((ch) => (special.has(ch) ? release + ch : ch)).join('');
}

/** One segment, terminated; trailing empty elements and components are kept as given. */
export function writeSegment(tag: string, elements: string[][], chars: ServiceCharacters = LEVEL_A): string {
  const written = elements.map((components) => components.map((value) => escapeValue(value, chars)).join(chars.component));
  return [tag, ...written].join(chars.element) + chars.segment;
}

export interface MessageToWrite {
  reference: string;
  /** e.g. ['CUSCAR', 'D', '95B', 'UN'] */
  identifier: [string, string, string, string];
  segments: { tag: string; elements: string[][] }[];
}

/**
 * A whole syntax-3 interchange with UNA, computing the UNT segment counts and the UNZ message
 * count — so fixtures and the demo port system never state a count by hand.
 */
export function writeInterchange(input: {
  sender: string;
  recipient: string;
  /** ISO 8601 local date-time, as `parseInterchange` returns it: 2026-11-24T05:30 */
  preparedAt: string;
  controlReference: string;
  messages: MessageToWrite[];
}): string {
  const chars = LEVEL_A;
  const una = `UNA${chars.component}${chars.element}${chars.decimal}${chars.release}${chars.repetition}${chars.segment}`;
  const [date = '', time = ''] = input.preparedAt.replace(/-/g, '').replace(':', '').split('T');
  const unb = [['UNOC', '3'], [input.sender], [input.recipient], [date.slice(2), time.slice(0, 4)], [input.controlReference]];
  const lines = [una, writeSegment('UNB', unb)];
  for (const message of input.messages) {
    lines.push(writeSegment('UNH', [[message.reference], message.identifier]));
    for (const segment of message.segments) lines.push(writeSegment(segment.tag, segment.elements));
    lines.push(writeSegment('UNT', [[String(message.segments.length + 2)], [message.reference]]));
  }
  lines.push(writeSegment('UNZ', [[String(input.messages.length)], [input.controlReference]]));
  return lines.join('\n');
}
