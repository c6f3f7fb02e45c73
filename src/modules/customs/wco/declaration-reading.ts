import type { Element } from '@xmldom/xmldom';
import { childElement, elementPath, textOf } from './element-path.ts';

/** Something said about one place of the XML: an element, or where a missing one was expected. */
export interface XmlFinding {
  code: string;
  path: string;
  /** Line of the element, or of the nearest enclosing one when it is missing. */
  line: number;
  params: Record<string, string | number>;
}

/** A missing element, named from the element that should hold it: `{ parent, missing: 'Commodity/Description' }`. */
export type Place = Element | { parent: Element; missing: string };

/** The largest figure the national declaration takes: 15 digits before the point, 6 after. */
const DECIMAL = /^\+?(\d*)(?:\.(\d*))?$/;

/**
 * The state of reading one declaration: what could not be mapped (problems), what was adapted or
 * left out (warnings), and the element each field of the national declaration came from
 * (sources, by field path such as `items[0].documents[1].reference`).
 */
export class DeclarationReading {
  readonly problems: XmlFinding[] = [];
  readonly warnings: XmlFinding[] = [];
  readonly sources: Record<string, string> = {};

  problem(place: Place, code: string, params: Record<string, string | number> = {}): void {
    this.problems.push(finding(place, code, params));
  }

  warn(place: Place, code: string, params: Record<string, string | number> = {}): void {
    this.warnings.push(finding(place, code, params));
  }

  /** Records that `field` of the national declaration was read from `element`. */
  source(field: string, element: Element): void {
    this.sources[field] = elementPath(element);
  }

  /** The text at `path` under `parent` (first element of each name), or undefined. */
  text(parent: Element, path: string, field?: string): string | undefined {
    const element = descendant(parent, path);
    if (!element) return undefined;
    if (field) this.source(field, element);
    return textOf(element);
  }

  /** The text at `path`, or '' after recording that a national declaration needs it. */
  required(parent: Element, path: string, field?: string): string {
    const value = this.text(parent, path, field);
    if (value === undefined || value === '') this.problem({ parent, missing: path }, 'wco_missing');
    return value ?? '';
  }

  /** A non-negative decimal in the national declaration's form (`"1000"`, `"0.5"`), or '0' after a problem. */
  decimal(element: Element, field: string): string {
    this.source(field, element);
    const raw = textOf(element);
    const match = DECIMAL.exec(raw);
    const whole = (match?.[1] ?? '').replace(/^0+(?=\d)/, '');
    const fraction = (match?.[2] ?? '').replace(/0+$/, '');
    if (!match || (!match[1] && !match[2]) || whole.length > 15 || fraction.length > 6) {
      this.problem(element, 'wco_amount_invalid', { value: raw });
      return '0';
    }
    return fraction ? `${whole || '0'}.${fraction}` : whole || '0';
  }
}

/** The first element at `path` (`A/B/C`) under `parent`, following the first of each name. */
export function descendant(parent: Element, path: string): Element | undefined {
  let at: Element | undefined = parent;
  for (const name of path.split('/')) at = at && childElement(at, name);
  return at;
}

function finding(place: Place, code: string, params: Record<string, string | number>): XmlFinding {
  if (!('missing' in place)) return { code, path: elementPath(place), line: place.lineNumber ?? 1, params };
  // Name the missing element from the deepest part of its path that exists.
  const names = place.missing.split('/');
  let deepest = place.parent;
  while (names.length > 0) {
    const next = childElement(deepest, names[0]!);
    if (!next) break;
    deepest = next;
    names.shift();
  }
  return { code, path: [elementPath(deepest), ...names].join('/'), line: deepest.lineNumber ?? 1, params };
}
