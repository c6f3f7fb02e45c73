import { EdifactError } from './error.ts';
import type { ServiceCharacters } from './service-characters.ts';

export interface EdifactSegment {
  tag: string;
  elements: string[][];
  /** 1-based segment number in the interchange (UNA not counted) */
  index: number;
  /** 0-based character offset of the segment's first character */
  offset: number;
}

const TAG = /^[A-Z][A-Z0-9]{2}$/;

/**
 * Splits the text after UNA into segments (ISO 9735 §8): elements by the element separator,
 * components by the component separator, any character after the release character taken as data.
 * Line breaks between segments are tolerated (common in files exchanged by mail or FTP).
 */
export function readSegments(text: string, start: number, chars: ServiceCharacters): EdifactSegment[] {
  const segments: EdifactSegment[] = [];
  let at = start;
  for (;;) {
    while (at < text.length && (text[at] === '\r' || text[at] === '\n')) at += 1;
    if (at >= text.length) return segments;
    const read = readOneSegment(text, at, segments.length + 1, chars);
    segments.push(read.segment);
    at = read.next;
  }
}

function readOneSegment(text: string, offset: number, index: number, chars: ServiceCharacters): { segment: EdifactSegment; next: number } {
  const elements: string[][] = [];
  let components: string[] = [];
  let value = '';
  let at = offset;
  const tagSoFar = () => (elements[0]?.[0] ?? (components[0] ?? value)).slice(0, 3) || null;
  for (; at < text.length; at += 1) {
    const ch = text[at] as string;
    if (ch === chars.release) {
      if (at + 1 >= text.length) {
        throw new EdifactError('edifact_dangling_release', { segment: index, position: at, tag: tagSoFar() }, 'the release character ends the text');
      }
      at += 1;
      value += text[at];
    } else if (ch === chars.component) {
      components.push(value);
      value = '';
    } else if (ch === chars.element) {
      elements.push([...components, value]);
      components = [];
      value = '';
    } else if (ch === chars.segment) {
      elements.push([...components, value]);
      return { segment: toSegment(elements, index, offset), next: at + 1 };
    } else {
      value += ch;
    }
  }
  throw new EdifactError('edifact_unterminated_segment', { segment: index, position: text.length, tag: tagSoFar() }, 'the text ends inside a segment');
}

function toSegment(elements: string[][], index: number, offset: number): EdifactSegment {
  const tag = elements[0]?.[0] ?? '';
  if (!TAG.test(tag)) {
    throw new EdifactError('edifact_bad_tag', { segment: index, position: offset, tag: tag.slice(0, 3) || null }, `"${tag}" is not a segment tag (three upper-case letters or digits)`);
  }
  return { tag, elements: elements.slice(1), index, offset };
}
