import { AppError } from '../../../platform/http/errors.ts';
import type { DeclarationInput } from '../declarations/types.ts';
import { KANDARA_XML_CONFIG, type NationalXmlConfig } from './config.ts';
import { DeclarationReading, type XmlFinding } from './declaration-reading.ts';
import { elementPath } from './element-path.ts';
import { mapDeclaration } from './map-declaration.ts';
import { type LibxmlMessage, validateAgainstSchema } from './schema-validation.ts';
import { malformedXml, readXmlSource, type XmlSource } from './xml-source.ts';

/** Something adapted or left out while reading; its message is `customs.wco.warnings.<code>`. */
export type XmlWarning = XmlFinding;

export interface DeclarationFromXml {
  declaration: DeclarationInput;
  warnings: XmlWarning[];
  /** Element path each field was read from, by field path (`items[0].hsCode`): see `elementPathOf`. */
  sources: Record<string, string>;
}

/**
 * Reads a WCO DM 3.6 Declaration (DEC, DMS flavour) into the national declaration. Refuses, with
 * the element path of every problem: XML that is not well-formed (400 `wco_xml_malformed`), that
 * breaks the schema (400 `wco_xml_invalid`), or that says something the national declaration
 * cannot hold (422 `wco_xml_unmappable`). docs/customs/wco-xml.md has the mapping.
 */
export async function readDeclarationXml(xml: string, config: NationalXmlConfig = KANDARA_XML_CONFIG): Promise<DeclarationFromXml> {
  const source = readXmlSource(xml);
  const verdict = await validateAgainstSchema('declaration', source.validationText);
  if (verdict.kind === 'malformed') {
    const [first] = verdict.errors;
    throw malformedXml(source.receivedLine(first?.line ?? 1), undefined, readable(first?.message ?? ''));
  }
  if (verdict.kind === 'invalid') throw schemaViolations(verdict.violations.map((violation) => located(violation, source)));

  const reading = new DeclarationReading();
  const declaration = source.document.documentElement && mapDeclaration(source.document.documentElement, config, reading);
  if (!declaration || reading.problems.length > 0) throw unmappable(inDocumentOrder(reading.problems));
  return { declaration, warnings: inDocumentOrder(reading.warnings), sources: reading.sources };
}

/** The element path behind a field of a declaration read from XML, or behind the nearest field that holds it. */
export function elementPathOf(sources: Readonly<Record<string, string>>, field: string): string | undefined {
  for (let at = field; at; ) {
    const path = sources[at];
    if (path) return path;
    const parent = at.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    at = parent === at ? '' : parent;
  }
  return undefined;
}

/** Findings are made field by field; a broker reads them top to bottom. */
const inDocumentOrder = (findings: XmlFinding[]) => findings.toSorted((a, b) => a.line - b.line);

interface Violation {
  path: string;
  line: number;
  detail: string;
}

function located(violation: LibxmlMessage, source: XmlSource): Violation {
  const element = source.elementAt(violation.line);
  return {
    path: element ? elementPath(element) : '',
    line: element?.lineNumber ?? source.receivedLine(violation.line),
    detail: readable(violation.message),
  };
}

/** libxml2's message without its category and with names stripped of their namespace (`{urn:…}ID` → `ID`). */
const readable = (message: string) =>
  message
    .replace(/^.*?(Schemas validity error|parser error|namespace error) : /, '')
    .replace(/\{[^}]*\}/g, '')
    .trim();

/** A broken 999-item declaration can break the schema thousands of times: the first ones say enough. */
const MOST_LISTED = 100;

function schemaViolations(violations: Violation[]): AppError {
  const fields = violations.slice(0, MOST_LISTED).map((v) => ({ path: v.path, line: v.line, code: 'wco_xml_violation', messageKey: 'errors.wco_xml_violation', params: { ...v } }));
  const first = violations[0];
  return new AppError(400, 'wco_xml_invalid', { count: violations.length, first: first?.path ?? '', line: first?.line ?? 1 }, { fields });
}

function unmappable(problems: XmlFinding[]): AppError {
  const fields = problems.slice(0, MOST_LISTED).map((p) => ({ path: p.path, line: p.line, code: p.code, messageKey: `errors.${p.code}`, params: { path: p.path, ...p.params } }));
  return new AppError(422, 'wco_xml_unmappable', { count: problems.length, first: problems[0]?.path ?? '' }, { fields });
}
