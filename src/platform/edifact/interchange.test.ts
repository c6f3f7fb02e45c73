import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdifactError, escapeValue, parseInterchange, writeInterchange, writeSegment, type ServiceCharacters } from './index.ts';

const sample = [
  "UNA:+.? '",
  "UNB+UNOC:3+PORTCOM:ZZZ+DOUANE:ZZZ+261124:0530+IC0001'",
  "UNH+M1+CUSCAR:D:95B:UN'",
  "BGM+85+MAN-2026-0042+9'",
  "FTX+AAA+++Rice?, 25 kg bags ?+ spare?'s?: 2?? ok'",
  "UNT+4+M1'",
  "UNZ+1+IC0001'",
].join('\n');

function refusal(text: string): EdifactError {
  try {
    parseInterchange(text);
  } catch (error) {
    if (error instanceof EdifactError) return error;
    throw error;
  }
  throw new Error('the interchange was accepted');
}

describe('UN/EDIFACT interchange (ISO 9735)', () => {
  it('reads the envelope, the message header and the released service characters', () => {
    const interchange = parseInterchange(sample);
    expect(interchange).toMatchObject({ syntax: 'UNOC:3', sender: 'PORTCOM', recipient: 'DOUANE', preparedAt: '2026-11-24T05:30', controlReference: 'IC0001' });
    const [message] = interchange.messages;
    expect(message).toMatchObject({ reference: 'M1', type: 'CUSCAR', version: 'D', release: '95B', agency: 'UN' });
    expect(message?.segments.map((s) => [s.tag, s.index])).toEqual([['BGM', 3], ['FTX', 4]]);
    expect(message?.segments[1]?.elements).toEqual([['AAA'], [''], [''], ["Rice, 25 kg bags + spare's: 2? ok"]]);
    expect(sample.slice(message?.segments[0]?.offset)).toMatch(/^BGM\+85/);
  });

  it('keeps a section control segment (UNS) inside its message', () => {
    const sectioned = sample.replace("UNT+4+M1'", "UNS+S'\nUNT+5+M1'");
    expect(parseInterchange(sectioned).messages[0]?.segments.map((s) => s.tag)).toEqual(['BGM', 'FTX', 'UNS']);
    expect(refusal(sample.replace("UNT+4+M1'", "UNB+UNOC:3+X+Y+261124:0530+IC2'\nUNT+5+M1'")).code).toBe('edifact_missing_unt');
  });

  it('honours custom separators advertised in UNA', () => {
    const text = 'UNA|^,! ~UNB^UNOA|4^A^B^20261124|0530^7~UNH^1^CUSCAR|D|95B|UN~BGM^85^X!~Y~UNT^3^1~UNZ^1^7~';
    const interchange = parseInterchange(text);
    expect(interchange.preparedAt).toBe('2026-11-24T05:30');
    expect(interchange.messages[0]?.segments[0]?.elements).toEqual([['85'], ['X~Y']]);
  });

  it('reads messages grouped by UNG/UNE, counting groups in UNZ', () => {
    const text = "UNB+UNOC:3+A+B+261124:0530+9'UNG+CUSCAR+A+B+261124:0530+G1+UN+D:95B'UNH+1+CUSCAR:D:95B:UN'UNT+2+1'UNE+1+G1'UNZ+1+9'";
    expect(parseInterchange(text).messages.map((m) => m.reference)).toEqual(['1']);
  });

  it.each([
    ["UNB+UNOC:3+A+B+261124:0530+9'UNZ+0+9", 'edifact_unterminated_segment', 2, 36, 'UNZ'],
    ["UNH+1+CUSCAR:D:95B:UN'UNT+2+1'", 'edifact_missing_unb', 1, 0, 'UNH'],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNH+1+CUSCAR:D:95B:UN'BGM+85'UNT+2+1'UNZ+1+9'", 'edifact_segment_count', 4, 58, 'UNT'],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNH+1+CUSCAR:D:95B:UN'UNT+2+1'UNZ+2+9'", 'edifact_message_count', 4, 59, 'UNZ'],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNH+1+CUSCAR:D:95B:UN'UNT+2+1'UNZ+1+8'", 'edifact_control_reference', 4, 59, 'UNZ'],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNH+1+CUSCAR:D:95B:UN'UNT+2+2'UNZ+1+9'", 'edifact_control_reference', 3, 51, 'UNT'],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNH+1+CUSCAR:D:95B:UN'bgm+1'UNT+3+1'UNZ+1+9'", 'edifact_bad_tag', 3, 51, 'bgm'],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNH+1+CUSCAR:D:95B:UN'UNZ+1+9'", 'edifact_missing_unt', 3, 51, 'UNZ'],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNH+1+CUSCAR:D:95B:UN'UNT+2+1'", 'edifact_missing_unz', 4, 59, null],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNZ+0+9'UNH+1+X:D:95B:UN'", 'edifact_segment_after_unz', 3, 37, 'UNH'],
    ["UNB+UNOC:3+A+B+261399:0530+9'UNZ+0+9'", 'edifact_bad_date', 1, 0, 'UNB'],
    ["UNB+UNOC:3+A++261124:0530+9'UNZ+0+9'", 'edifact_missing_element', 1, 0, 'UNB'],
    ["UNB+UNOC:3+A+B+261124:0530+9'UNH+1+CUSCAR:D:95B:UN'FTX+AAA?", 'edifact_dangling_release', 3, 58, 'FTX'],
    ['UNA:+', 'edifact_bad_una', 0, 5, 'UNA'],
  ])('refuses %j with %s at segment %i, character %i (%s)', (text, code, segment, position, tag) => {
    expect(refusal(text)).toMatchObject({ code, segment, position, tag });
  });

  it('reads back any values it escapes, with default or custom separators', () => {
    const separators = fc.constantFrom<ServiceCharacters>(
      { component: ':', element: '+', decimal: '.', release: '?', repetition: ' ', segment: "'" },
      { component: '|', element: '^', decimal: ',', release: '!', repetition: ' ', segment: '~' },
    );
    const value = fc.string({ unit: fc.constantFrom(...":+?'|^!~ .,aZ9\u00e9\u0627"), maxLength: 12 });
    const elements = fc.array(fc.array(value, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(separators, elements, (chars, data) => {
        const una = `UNA${chars.component}${chars.element}${chars.decimal}${chars.release}${chars.repetition}${chars.segment}`;
        const seg = (tag: string, els: string[][]) => writeSegment(tag, els, chars);
        const text = una + seg('UNB', [['UNOC', '3'], ['A'], ['B'], ['261124', '0530'], ['R']]) + seg('UNH', [['1'], ['CUSCAR', 'D', '95B', 'UN']]) +
          seg('FTX', data) + seg('UNT', [['3'], ['1']]) + seg('UNZ', [['1'], ['R']]);
        expect(parseInterchange(text).messages[0]?.segments[0]?.elements).toEqual(data);
      }),
    );
  });

  it('writes interchanges whose counts and references it accepts', () => {
    const text = writeInterchange({
      sender: 'PORT',
      recipient: 'CUSTOMS',
      preparedAt: '2026-11-24T05:30',
      controlReference: 'C1',
      messages: [{ reference: 'M1', identifier: ['CUSCAR', 'D', '95B', 'UN'], segments: [{ tag: 'BGM', elements: [['85'], ["it's+"]] }] }],
    });
    const parsed = parseInterchange(text);
    expect(parsed.preparedAt).toBe('2026-11-24T05:30');
    expect(parsed.messages[0]?.segments[0]?.elements[1]).toEqual(["it's+"]);
    expect(escapeValue("a'b")).toBe("a?'b");
  });
});
