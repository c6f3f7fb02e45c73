import { EdifactError } from './error.ts';
import { at, checkCount, checkReference, preparedAt, required } from './envelope.ts';
import type { EdifactSegment } from './segments.ts';
import { readSegments } from './segments.ts';
import { readServiceCharacters } from './service-characters.ts';

export interface EdifactMessage {
  reference: string;
  type: string;
  version: string;
  release: string;
  agency: string;
  /** segments between UNH and UNT, both excluded */
  segments: EdifactSegment[];
}

export interface EdifactInterchange {
  syntax: string;
  sender: string;
  recipient: string;
  preparedAt: string;
  controlReference: string;
  messages: EdifactMessage[];
}

/**
 * Parses one interchange (ISO 9735 syntax 3 and 4): optional UNA, UNB … UNZ around messages
 * UNH … UNT, optionally grouped by UNG … UNE. Checks the counts and control references of every
 * trailer and refuses the whole interchange at the first fault, naming segment and character.
 */
export function parseInterchange(text: string): EdifactInterchange {
  const { characters, start } = readServiceCharacters(text);
  const segments = readSegments(text, start, characters);
  const reader = new SegmentReader(segments, text.length);
  const unb = reader.expect('UNB', 'edifact_missing_unb');
  const controlReference = required(unb, 4, 0, 'interchange control reference');
  const interchange: EdifactInterchange = {
    syntax: `${required(unb, 0, 0, 'syntax identifier')}:${required(unb, 0, 1, 'syntax version')}`,
    sender: required(unb, 1, 0, 'sender identification'),
    recipient: required(unb, 2, 0, 'recipient identification'),
    preparedAt: preparedAt(unb, 3),
    controlReference,
    messages: [],
  };
  let units = 0;
  const grouped = reader.peek()?.tag === 'UNG';
  while (reader.peek() && reader.peek()?.tag !== 'UNZ') {
    if (grouped) interchange.messages.push(...readGroup(reader));
    else interchange.messages.push(readMessage(reader));
    units += 1;
  }
  const unz = reader.expect('UNZ', 'edifact_missing_unz');
  checkCount(unz, units, 'edifact_message_count', grouped ? 'groups' : 'messages');
  checkReference(unz, 1, unb, controlReference);
  const extra = reader.peek();
  if (extra) throw new EdifactError('edifact_segment_after_unz', at(extra), `${extra.tag} follows UNZ`);
  return interchange;
}

function readGroup(reader: SegmentReader): EdifactMessage[] {
  const ung = reader.expect('UNG', 'edifact_unexpected_segment');
  const reference = required(ung, 4, 0, 'group reference');
  const messages: EdifactMessage[] = [];
  while (reader.peek()?.tag === 'UNH') messages.push(readMessage(reader));
  const une = reader.expect('UNE', 'edifact_missing_une');
  checkCount(une, messages.length, 'edifact_message_count', 'messages');
  checkReference(une, 1, ung, reference);
  return messages;
}

function readMessage(reader: SegmentReader): EdifactMessage {
  const unh = reader.expect('UNH', 'edifact_unexpected_segment');
  const reference = required(unh, 0, 0, 'message reference');
  const message: EdifactMessage = {
    reference,
    type: required(unh, 1, 0, 'message type'),
    version: required(unh, 1, 1, 'message version'),
    release: required(unh, 1, 2, 'message release'),
    agency: required(unh, 1, 3, 'controlling agency'),
    segments: [],
  };
  for (let next = reader.peek(); next && next.tag !== 'UNT'; next = reader.peek()) {
    // UNS (section control, ISO 9735) separates a message's header, detail and summary sections, so it stays inside; any other service segment ends the message.
    if (next.tag.startsWith('UN') && next.tag !== 'UNS') {
      throw new EdifactError('edifact_missing_unt', at(next), `${next.tag} inside message ${reference}, which has no UNT`);
    }
    message.segments.push(reader.take());
  }
  const unt = reader.expect('UNT', 'edifact_missing_unt');
  checkCount(unt, message.segments.length + 2, 'edifact_segment_count', 'segments');
  checkReference(unt, 1, unh, reference);
  return message;
}

/** Walks the segment list; a missing expected segment is reported where it should have been. */
class SegmentReader {
  private next = 0;
  private readonly segments: EdifactSegment[];
  private readonly end: number;

  constructor(segments: EdifactSegment[], end: number) {
    this.segments = segments;
    this.end = end;
  }

  peek(): EdifactSegment | undefined {
    return this.segments[this.next];
  }

  take(): EdifactSegment {
    const segment = this.segments[this.next] as EdifactSegment;
    this.next += 1;
    return segment;
  }

  expect(tag: string, code: string): EdifactSegment {
    const found = this.peek();
    if (found?.tag === tag) return this.take();
    const where = found ? at(found) : { segment: this.segments.length + 1, position: this.end, tag: null };
    throw new EdifactError(code, where, `${tag} expected, found ${found ? found.tag : 'the end of the text'}`);
  }
}
