import { isMap, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';

/**
 * A procedure definition as text an administrator edits: YAML (as the shipped files in
 * procedures/ are written) or JSON. YAML 1.2 reads JSON as it is, so one parser takes both, and
 * the server's JSON-pointer paths can be found again in either.
 */
export type DefinitionFormat = 'yaml' | 'json';

/** A definition as the catalogue serves it: any JSON object (the server checks its shape). */
export type DefinitionObject = Record<string, unknown>;

export function definitionText(definition: object, format: DefinitionFormat): string {
  // No line folding: one value per line is what an editor diff and a find-and-replace expect.
  return format === 'json' ? `${JSON.stringify(definition, null, 2)}\n` : stringify(definition, { lineWidth: 0 });
}

/** The starting point of the next version: the current definition, numbered one more. */
export function nextVersionDraft(definition: { version: number }): string {
  return definitionText({ ...definition, version: definition.version + 1 }, 'yaml');
}

export type DefinitionReading =
  | { ok: true; definition: DefinitionObject }
  | { ok: false; problem: 'empty' | 'not_an_object' }
  | { ok: false; problem: 'syntax'; line: number; column: number };

/** Reads pasted or loaded text; a syntax error is placed by line and column (1-based). */
export function readDefinitionText(text: string): DefinitionReading {
  if (!text.trim()) return { ok: false, problem: 'empty' };
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error) {
    const position = error.linePos?.[0];
    return { ok: false, problem: 'syntax', line: position?.line ?? 1, column: position?.col ?? 1 };
  }
  const value: unknown = document.toJS();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not_an_object' };
  return { ok: true, definition: value as DefinitionObject };
}

/** RFC 6901 §4: `~1` is `/` and `~0` is `~`, decoded in that order. */
function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Where a value sits in the text: its 1-based line and its character offsets. */
export interface TextSpot {
  line: number;
  start: number;
  end: number;
}

/**
 * Reads the text once and returns where each server path (`/workflow/transitions/4/to`) points
 * in it. When a path goes further than the text (a missing property is reported at its parent,
 * or the text changed since), the deepest value that exists is given; unreadable text places
 * nothing.
 */
export function definitionSpots(text: string): (pointer: string) => TextSpot | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) return () => null;
  return (pointer) => {
    let node: Node | null = document.contents;
    for (const segment of pointerSegments(pointer)) {
      if (!isMap(node) && !isSeq(node)) break;
      const child: unknown = node.get(segment, true);
      if (child === undefined || child === null || typeof child !== 'object') break;
      node = child as Node;
    }
    const range = node?.range;
    if (!range) return null;
    return { line: lineCounter.linePos(range[0]).line, start: range[0], end: range[1] };
  };
}
