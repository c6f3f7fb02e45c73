import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { AppError } from '../../../platform/http/errors.ts';
import { elementChildren } from './element-path.ts';

/**
 * A parsed XML document and the text libxml2 validates, arranged so each of libxml2's line numbers
 * names one element: libxml2 reports an element at the line where its start tag *ends*, so two
 * elements whose start tags end on the same line (a document on one line, say) would be
 * indistinguishable. The validation text moves each such start tag to a line of its own by adding
 * a line break before its `<`, which is whitespace between elements and changes nothing the schema
 * checks (the WCO schemas have no mixed content).
 */
export interface XmlSource {
  document: Document;
  validationText: string;
  /** The element libxml2 reports at `line` of the validation text. */
  elementAt(line: number): Element | undefined;
  /** The line of the received text that `line` of the validation text comes from. */
  receivedLine(line: number): number;
}

/** Where a document stops being well-formed (the line and column, 1-based, of the text received). */
export const malformedXml = (line: number, column: number | undefined, reason: string) =>
  new AppError(400, 'wco_xml_malformed', { line, reason }, { line, ...(column === undefined ? {} : { column }), reason });

/** Parses `xml`, refusing what is not well-formed (AppError 400 `wco_xml_malformed`). */
export function readXmlSource(xml: string): XmlSource {
  // XML 1.0 §2.11 line ends only, so line numbers agree with libxml2's (xmldom's default also breaks at U+2028…).
  const text = xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const document = parseDocument(text);
  if (document.doctype) {
    // A DOCTYPE can declare entities; a declaration never needs one, so none is let through.
    throw malformedXml(document.doctype.lineNumber ?? 1, document.doctype.columnNumber, 'a DOCTYPE declaration is not accepted');
  }
  return arrangeForValidation(text, document);
}

function parseDocument(text: string): Document {
  let reason = '';
  try {
    return new DOMParser({
      normalizeLineEndings: (source) => source,
      onError: (level, message) => {
        if (level === 'warning') return;
        reason = message;
        throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    throw malformedXml(Math.max(locator?.lineNumber ?? 1, 1), locator?.columnNumber, reason || (error as Error).message);
  }
}

function arrangeForValidation(text: string, document: Document): XmlSource {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => upperBound(lineStarts, offset);

  const pieces: string[] = [];
  const byLine = new Map<number, Element>();
  const addedLines: number[] = [];
  let copiedUpTo = 0;
  let added = 0;
  let previousTagEnd = 0;
  for (const element of elementsInOrder(document)) {
    const start = (lineStarts[(element.lineNumber ?? 1) - 1] ?? 0) + (element.columnNumber ?? 1) - 1;
    if (lineOf(start) + added === previousTagEnd) {
      pieces.push(text.slice(copiedUpTo, start), '\n');
      copiedUpTo = start;
      added += 1;
      addedLines.push(lineOf(start) + added);
    }
    previousTagEnd = lineOf(startTagEnd(text, start)) + added;
    byLine.set(previousTagEnd, element);
  }
  pieces.push(text.slice(copiedUpTo));
  return {
    document,
    validationText: pieces.join(''),
    elementAt: (line) => byLine.get(line),
    receivedLine: (line) => line - upperBound(addedLines, line),
  };
}

function* elementsInOrder(document: Document): Generator<Element> {
  const stack: Element[] = document.documentElement ? [document.documentElement] : [];
  while (stack.length > 0) {
    const element = stack.pop()!;
    yield element;
    stack.push(...[...elementChildren(element)].reverse());
  }
}

/** Offset of the `>` closing the start tag that begins at `start` (a `>` inside a quoted attribute value does not count). */
function startTagEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return text.length;
}

/** 1-based line of `offset`: the number of line starts at or before it. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? 0) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
