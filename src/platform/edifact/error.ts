/**
 * A refusal of an EDIFACT interchange. `code` names the syntax rule broken (a catalogue key
 * `errors.<code>` at the HTTP edge); `segment` is the 1-based segment number (UNA not counted,
 * 0 when the fault is before the first segment); `position` is the 0-based character offset into
 * the interchange text where the fault was found; `tag` is the segment's tag when it could be read.
 */
export class EdifactError extends Error {
  readonly code: string;
  readonly segment: number;
  readonly position: number;
  readonly tag: string | null;

  constructor(code: string, at: { segment: number; position: number; tag: string | null }, explanation: string) {
    super(`${code}: ${explanation} (segment ${at.segment}${at.tag ? ` ${at.tag}` : ''}, character ${at.position})`);
    this.name = 'EdifactError';
    this.code = code;
    this.segment = at.segment;
    this.position = at.position;
    this.tag = at.tag;
  }
}
