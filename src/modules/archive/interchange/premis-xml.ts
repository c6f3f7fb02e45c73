import { ARCHIVE_AGENT } from '../events.ts';
import { escapeXml } from '../package.ts';
import type { PremisEventType } from '../schema.ts';
import {
  AGENT_ROLE_AUTHORITY,
  EVENT_TYPE_AUTHORITY,
  EVENT_TYPES,
  EXECUTING_PROGRAM,
  HASH_AUTHORITY,
  HASH_FUNCTIONS,
  IMPLEMENTER,
} from './premis-vocabulary.ts';

/**
 * A package's preservation history as a PREMIS 3 XML document (metadata/premis-events.xml of an
 * exported bag): the package and its files as objects with their fixity, one <premis:event> per
 * recorded event, and the agents that acted. Elements in the order the PREMIS 3.0 schema sets.
 * Pure: a function of what the database holds.
 */
export interface PremisPackage {
  identifier: string;
  source: { type: string; reference: string };
}

export interface PremisFile {
  id: string;
  path: string;
  size: number;
  sha256: string;
  sha512: string;
  format: string;
}

export interface PremisEventRecord {
  id: number;
  type: PremisEventType;
  outcome: 'success' | 'failure';
  detail: string;
  agent: string;
  at: Date;
  fileId: string | null;
}

export const PREMIS_NAMESPACE = 'http://www.loc.gov/premis/v3';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** XML 1.0 §2.2 allows no C0 control other than tab and line ends, even escaped: a stray one becomes U+FFFD. */
const text = (value: string) => escapeXml(value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD'));

const element = (name: string, value: string, attributes = '') => `<premis:${name}${attributes}>${text(value)}</premis:${name}>`;
const authority = (name: string, uri: string, code: string) => ` authority="${name}" authorityURI="${uri}" valueURI="${uri}/${code}"`;

/** A file's object identifier: unique across archives, as the package identifier is. */
export const fileIdentifier = (pkg: PremisPackage, path: string) => `${pkg.identifier}/${path}`;

/** `<premis:objectIdentifier>` and its kin: a type, a value, and what else that kind carries (a role). */
function identifier(kind: 'object' | 'event' | 'agent' | 'linkingAgent' | 'linkingObject', type: string, value: string, more = ''): string {
  return `<premis:${kind}Identifier>${element(`${kind}IdentifierType`, type)}${element(`${kind}IdentifierValue`, value)}${more}</premis:${kind}Identifier>`;
}

function packageObject(pkg: PremisPackage): string {
  return [
    `  <premis:object xsi:type="premis:intellectualEntity">`,
    `    ${identifier('object', 'local', pkg.identifier)}`,
    `    ${identifier('object', pkg.source.type, pkg.source.reference)}`,
    '  </premis:object>',
  ].join('\n');
}

function fileObject(pkg: PremisPackage, file: PremisFile): string {
  const fixity = (algorithm: keyof typeof HASH_FUNCTIONS, digest: string) =>
    `<premis:fixity>${element('messageDigestAlgorithm', HASH_FUNCTIONS[algorithm].label, authority('cryptographicHashFunctions', HASH_AUTHORITY, HASH_FUNCTIONS[algorithm].code))}${element('messageDigest', digest)}</premis:fixity>`;
  return [
    `  <premis:object xsi:type="premis:file">`,
    `    ${identifier('object', 'local', fileIdentifier(pkg, file.path))}`,
    '    <premis:objectCharacteristics>',
    `      ${element('compositionLevel', '0')}`,
    `      ${fixity('sha256', file.sha256)}`,
    `      ${fixity('sha512', file.sha512)}`,
    `      ${element('size', String(file.size))}`,
    `      <premis:format><premis:formatDesignation>${element('formatName', file.format)}</premis:formatDesignation></premis:format>`,
    '    </premis:objectCharacteristics>',
    `    ${element('originalName', file.path)}`,
    '  </premis:object>',
  ].join('\n');
}

function event(pkg: PremisPackage, record: PremisEventRecord, pathOf: ReadonlyMap<string, string>): string {
  const type = EVENT_TYPES[record.type];
  const role = record.agent === ARCHIVE_AGENT ? EXECUTING_PROGRAM : IMPLEMENTER;
  const filePath = record.fileId ? pathOf.get(record.fileId) : undefined;
  return [
    '  <premis:event>',
    `    ${identifier('event', 'local', `${pkg.identifier}/event/${record.id}`)}`,
    `    ${element('eventType', type.label, authority('eventType', EVENT_TYPE_AUTHORITY, type.code))}`,
    `    ${element('eventDateTime', record.at.toISOString())}`,
    `    <premis:eventDetailInformation>${element('eventDetail', record.detail)}</premis:eventDetailInformation>`,
    `    <premis:eventOutcomeInformation>${element('eventOutcome', record.outcome)}</premis:eventOutcomeInformation>`,
    `    ${identifier('linkingAgent', 'local', record.agent, element('linkingAgentRole', role.label, authority('eventRelatedAgentRole', AGENT_ROLE_AUTHORITY, role.code)))}`,
    `    ${identifier('linkingObject', 'local', filePath ? fileIdentifier(pkg, filePath) : pkg.identifier)}`,
    '  </premis:event>',
  ].join('\n');
}

function agent(name: string): string {
  return [
    '  <premis:agent>',
    `    ${identifier('agent', 'local', name)}`,
    `    ${element('agentName', name)}`,
    ...(name === ARCHIVE_AGENT ? [`    ${element('agentType', 'software')}`] : []),
    '  </premis:agent>',
  ].join('\n');
}

/** The whole document; events in the order they were recorded. */
export function premisEventsXml(pkg: PremisPackage, files: readonly PremisFile[], events: readonly PremisEventRecord[]): string {
  const pathOf = new Map(files.map((f) => [f.id, f.path]));
  const agents = [...new Set(events.map((e) => e.agent))].sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<premis:premis xmlns:premis="${PREMIS_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}" xsi:schemaLocation="${PREMIS_NAMESPACE} https://www.loc.gov/standards/premis/premis.xsd" version="3.0">`,
    packageObject(pkg),
    ...files.map((file) => fileObject(pkg, file)),
    ...events.map((e) => event(pkg, e, pathOf)),
    ...agents.map(agent),
    '</premis:premis>',
    '',
  ].join('\n');
}
